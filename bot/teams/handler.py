"""Activity -> core call -> reply: the only place that reads Teams activities.

It never decides what an answer says; it passes the user's text (mention stripped) to the core
and renders whatever comes back.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
import weakref
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Executor
from contextlib import asynccontextmanager

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount, DeliveryModes

from bot.core.models import Answer, AnswerCore, ChatTurn, Language
from bot.i18n import t
from bot.teams import files, render
from bot.teams.activity import to_activity
from bot.teams.commands import HELP_COMMAND
from bot.teams.drafts import DraftFiles, publish
from bot.teams.pager import PageQueue
from bot.teams.proof import CODE_COMMAND, UserProof, code_reply
from bot.teams.reading import language_of, question_of, tenant_of
from bot.teams.source_links import SourceLinks
from bot.teams.storage import HISTORY_TURNS, ActivityLedger, ConversationHistory
from bot.teams.streaming import StreamSession, run_core
from bot.teams.uploads import UploadDesk, shelf_key
from bot.teams.viewers import viewer_for
from indexer.access import GroupDirectory, Viewer
from indexer.errors import StoreError
from indexer.text.language import detect_language

log = logging.getLogger(__name__)
# What this bot reads: messages, its own arrival (the welcome) and feedback. The SDK's handlers
# for other types only parse Teams data they then ignore, and crash on data they cannot parse.
HANDLED_TYPES = frozenset({"message", "conversationUpdate", "invoke"})


def error_reference(message: str) -> str:
    reference = uuid.uuid4().hex[:8]
    log.exception("%s (referanse %s)", message, reference)
    return reference


class ConversationLocks:
    """One turn at a time per conversation: history stays ordered and Teams allows one stream."""

    def __init__(self) -> None:
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock = self._locks.get(key)
        if lock is None:
            lock = self._locks[key] = asyncio.Lock()
        async with lock:
            yield


class TeamsBot(TeamsActivityHandler):
    def __init__(
        self,
        core: AnswerCore,
        history: ConversationHistory,
        ledger: ActivityLedger,
        *,
        max_message_chars: int,
        allowed_tenants: list[str],
        history_turns: int = HISTORY_TURNS,
        stream_interval: float = 1.0,
        executor: Executor | None = None,
        draft_links: render.DraftLinks | None = None,
        source_links: SourceLinks | None = None,
        pages: PageQueue | None = None,
        uploads: UploadDesk | None = None,
        drafts: DraftFiles | None = None,
        groups: GroupDirectory | None = None,
        proof: UserProof | None = None,
        answered: Callable[[Activity], None] | None = None,
    ) -> None:
        self._core = core
        self._answered = answered  # marks the kept turn done as soon as its answer is out
        self._groups, self._proof = groups, proof
        self._links = draft_links
        self._sources, self._pages, self._uploads = source_links, pages, uploads
        self._drafts = drafts  # shared with the other replicas, so a download link works on all
        self._executor = executor
        self._history = history
        self._ledger = ledger
        self._max_chars = max_message_chars
        self._tenants = set(allowed_tenants)
        self._history_turns = history_turns
        self._interval = stream_interval
        self._locks = ConversationLocks()

    async def on_turn(self, turn_context: TurnContext) -> None:
        tenant = tenant_of(turn_context.activity)
        if self._tenants and tenant not in self._tenants:
            log.warning("refused tenant %s (%s)", tenant, turn_context.activity.type)
            if turn_context.activity.type == "message":
                refusal = render.tenant_refused(language_of(turn_context.activity))
                await turn_context.send_activity(to_activity(refusal))
            elif turn_context.activity.type == "invoke":
                await turn_context.send_activity(
                    Activity(type="invokeResponse", value=InvokeResponse(status=403))
                )
            return
        if turn_context.activity.type in HANDLED_TYPES:  # the rest are acknowledged, unread
            await super().on_turn(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity, conversation = turn_context.activity, turn_context.activity.conversation
        if self._pages and conversation and render.is_more_request(None, activity.value):
            async with self._locks.hold(conversation.id):  # «Vis flere» clicked, in any chat
                await self._next_page(turn_context, conversation, activity.text or "")
            return
        question = question_of(activity)
        if question is None or conversation is None:
            return
        if len(question) > self._max_chars:
            payload = render.too_long(len(question), self._max_chars, detect_language(question))
            await turn_context.send_activity(to_activity(payload))
            return
        async with self._locks.hold(conversation.id):
            # «vis flere» goes on with this answer's pages first; with none waiting, it is the
            # core's (a long list goes on a page of rows at a time there)
            if render.is_more_request(question) and await self._next_page(
                    turn_context, conversation, question, quiet=True):
                return
            if self._proof is not None and question.casefold() == CODE_COMMAND:
                await turn_context.send_activity(to_activity(code_reply(self._proof, activity)))
                return
            await self._answer(turn_context, conversation, question)

    async def _answer(
        self, ctx: TurnContext, conversation: ConversationAccount, question: str
    ) -> None:
        activity = ctx.activity
        offers = files.offers(activity) if self._uploads else []
        question = question or ("" if offers else HELP_COMMAND)
        personal = conversation.conversation_type == "personal"
        buffered = activity.delivery_mode == DeliveryModes.expect_replies
        stream = StreamSession(
            ctx,
            enabled=personal and activity.channel_id == "msteams" and not buffered,
            interval=self._interval,
        )
        viewer = viewer_for(activity, self._groups)  # who asks decides what may be used
        language = detect_language(question)  # as the core will; its answer is not here yet
        status = (t("teams.file.reading", language, name=offers[0].name) if offers
                  else render.searching(language))
        await stream.start(status)
        history = (await self._history.load(ctx))[-self._history_turns :]
        try:
            answer, from_core = await self._respond(ctx, question, history, stream, offers, viewer)
            if self._drafts is not None:
                publish(answer, self._drafts)
            sources = self._sources.within(shelf_key(activity), viewer) if self._sources else None
            links = self._links.bound(bool(viewer.groups)) if self._links else None
            first, *rest = render.answer_messages(answer, links, viewer.user, sources)
        except files.FileRefused as refused:
            text = t(f"teams.file.{refused.key}", language, **refused.values)
            await stream.finish(render.notice(text))
            return
        except Exception:
            await stream.finish(render.error(error_reference("the core failed"), language))
            return
        # State first, then the answer: the next message may reach another replica at once.
        # A storage failure costs the follow-ups, never the answer.
        try:
            if from_core:  # the core's follow-ups and dialogs read its own turns only
                await self._history.append(ctx, question, answer.turn())
            if self._pages:
                self._pages.hold(activity, rest, len(rest) + 1, answer.language)
        except StoreError:
            log.exception("the conversation could not be kept; answering all the same")
        ids = await stream.finish(first)
        try:
            if self._answered is not None:  # no replica may take the turn over from here on
                self._answered(activity)
            if self._pages:
                await self._offer_more(ctx, first, 1, len(rest) + 1, answer.language)
            for reply_id in ids:
                self._ledger.remember_reply(conversation.id, reply_id, question, answer.answer)
        except StoreError:
            log.exception("answered, but the conversation could not be kept")

    async def _respond(
        self, ctx: TurnContext, question: str, history: list[ChatTurn], stream: StreamSession,
        offers: list[files.FileOffer], viewer: Viewer,
    ) -> tuple[Answer, bool]:
        """About a file dropped in this chat (the upload desk), else from the core."""
        if self._uploads is not None:
            language = detect_language(question)
            upload = await self._uploads.answer(ctx.activity, question, offers, language)
            if upload is not None:
                return upload, False
        answer = await run_core(self._core, question, history, stream.update, self._executor, viewer)
        return answer, True

    async def _next_page(
        self, ctx: TurnContext, conversation: ConversationAccount, question: str,
        quiet: bool = False,
    ) -> bool:
        """«Vis flere»: the next page of the last long answer; False when none is waiting (and,
        unless `quiet`, a word that there is none)."""
        waiting = self._pages.next(ctx.activity) if self._pages else None
        if waiting is None:
            if not quiet:
                await ctx.send_activity(to_activity(render.no_more(detect_language(question))))
            return False
        sent = await ctx.send_activity(to_activity(waiting.page))
        if sent and sent.id:
            text = waiting.page.get("text", "")
            self._ledger.remember_reply(conversation.id, sent.id, question, text)
        await self._offer_more(ctx, waiting.page, waiting.number, waiting.total, waiting.language)
        return True

    async def _offer_more(
        self, ctx: TurnContext, page: dict[str, object], shown: int, total: int,
        language: Language,
    ) -> None:
        prompt = render.more_prompt(page, shown, total, language)
        if prompt is not None:
            await ctx.send_activity(to_activity(prompt))

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        """Only the bot's own arrival matters (the welcome). The SDK's Teams dispatch would look
        up each member's roster entry and crash on channelData it cannot read."""
        if turn_context.activity.members_added:
            await self.on_members_added_activity(turn_context.activity.members_added, turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(member.id == bot_id for member in members_added):
            await turn_context.send_activities([to_activity(p) for p in render.welcome()])

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        """Feedback is the one invoke this bot implements. The rest get 501 here rather than
        from the SDK, whose handlers crash on a value they cannot read (a 500)."""
        if turn_context.activity.name == "message/submitAction":
            return self._feedback(turn_context.activity)
        return InvokeResponse(status=501)

    def _feedback(self, activity: Activity) -> InvokeResponse:
        value = activity.value if isinstance(activity.value, dict) else {}
        raw_action = value.get("actionValue")
        action = raw_action if isinstance(raw_action, dict) else {}
        reaction = action.get("reaction")
        if value.get("actionName") != "feedback" or reaction not in ("like", "dislike"):
            return InvokeResponse(status=400)
        record = self._ledger.record_feedback(
            activity.conversation.id if activity.conversation else None,
            activity.reply_to_id,
            activity.from_property.id if activity.from_property else None,
            reaction,
            _feedback_text(action.get("feedback")),
        )
        log.info("feedback %s on reply %s", record.reaction, record.reply_id)
        return InvokeResponse(status=200)


def _feedback_text(raw: object) -> str:
    """Teams sends the comment as a JSON string ({"feedbackText": "..."})."""
    if not isinstance(raw, str):
        return "" if raw is None else json.dumps(raw, ensure_ascii=False)
    try:
        parsed = json.loads(raw)
    except ValueError:
        return raw
    return str(parsed.get("feedbackText", raw)) if isinstance(parsed, dict) else raw

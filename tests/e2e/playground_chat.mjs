// Drives the Microsoft 365 Agents Playground in headless chromium, as a newcomer would:
// the welcome, a question, a list answer with its citations, the source page a citation opens,
// a summary paged with «Vis flere», a referat dropped in the chat, and a whole draft: typed
// answers, card buttons, a side question, a correction and the .docx downloaded from the card's
// «Last ned» button. Prints one JSON line.
// Usage: node tests/e2e/playground_chat.mjs <playground-url> <scenario.json> <screenshot-dir>
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [url, scenarioFile, shots] = process.argv.slice(2);
const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const CITE = 'a[role="button"][aria-expanded]';  // a rendered citation marker
const LIKE = 'button[aria-label="Like"]';  // feedback buttons: one set per AI message
const result = { welcome: false };
let page;

async function shot(name, { hovering = false } = {}) {
  if (!hovering) await page.mouse.move(1, 890);  // no stray tooltip in the picture
  await page.screenshot({ path: `${shots}/${name}.png` });
}
const likes = () => page.locator(LIKE).count();

async function ask(text) {
  const before = await likes();
  const box = page.locator('[contenteditable="true"], textarea, input[type=text]').first();
  await box.click();
  await box.fill(text);
  await page.keyboard.press('Enter');
  await waitForAnswer(before);
  return before;
}

async function waitForAnswer(before) {
  await page.waitForFunction((n) => document.querySelectorAll('button[aria-label="Like"]').length > n,
    before, { timeout: 180000 });
  await page.waitForTimeout(2500);  // markers render a moment later; a second message would too
}

// The last AI message: text (markers left as text are not citations), rendered citations.
async function lastMessage() {
  return page.evaluate(([cite, like]) => {
    let node = [...document.querySelectorAll(like)].pop();
    while (node && !node.querySelector('p')) node = node.parentElement;
    if (!node) return null;
    const copy = node.cloneNode(true);
    copy.querySelectorAll(cite).forEach((a) => a.remove());
    return { text: copy.innerText, citations: node.querySelectorAll(cite).length };
  }, [CITE, LIKE]);
}

async function welcome() {
  await page.getByText('Hei! Jeg er Læringsbot.').first().waitFor({ timeout: 30000 });
  result.welcome = true;
  const titles = scenario.promptTitles;
  await page.getByText(titles[0], { exact: true }).first().waitFor({ timeout: 15000 });
  result.promptsCut = await page.evaluate((names) => names.filter((name) => {
    const el = [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === name);
    return !el || el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth;
  }), titles);
  await shot('welcome');
}

async function factQuestion() {
  await ask(scenario.question);
  const cites = page.locator(CITE);
  result.citationButtons = await cites.count();
  result.answerText = (await lastMessage())?.text ?? null;
  result.beforeHover = await page.evaluate(() => document.body.innerText);
  if (result.citationButtons > 0) {
    await cites.last().hover();
    await page.waitForTimeout(1000);
    const link = page.locator('a[href*="/kilder/"]').last();
    if (await link.count()) result.sourceUrl = await link.getAttribute('href');
  }
  result.afterHover = await page.evaluate(() => document.body.innerText);
  await shot('answer');
}

async function listQuestion() {
  const before = await ask(scenario.list);
  result.listMessages = (await likes()) - before;
  result.list = await lastMessage();
  await page.locator(CITE).last().hover();
  const link = page.locator('a[href*="/kilder/"]').last();
  await link.waitFor({ timeout: 10000 });
  result.listSourceUrl = await link.getAttribute('href');
  result.sourceUrl ??= result.listSourceUrl;
  await page.waitForTimeout(1000);  // let the pop-up finish fading in
  await shot('list', { hovering: true });
}

async function sourcePage() {
  const source = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const response = await source.goto(result.sourceUrl, { waitUntil: 'load' });
  result.sourceStatus = response.status();
  result.marked = await source.locator('mark#sitat').innerText();
  await source.screenshot({ path: `${shots}/source.png` });
  await source.close();
}

async function pagedSummary() {
  await ask(scenario.summary);
  result.summaryFirst = await lastMessage();
  const more = page.getByText(/^Vis flere \(2 av \d+\)$/).first();
  await more.waitFor({ timeout: 15000 });
  await shot('summary');
  const before = await likes();
  await more.click();
  await waitForAnswer(before);
  result.summarySecond = await lastMessage();
}

async function droppedReferat() {
  const config = await (await fetch(`${url}/_internal/v1/testConfig`)).json();
  const chat = config.config.personalChat.id;
  const template = await (await fetch(
    `${url}/_internal/v1/customActivities/template?conversationId=${chat}`)).json();
  const activity = { ...template, type: 'message', text: '', attachments: [scenario.attachment] };
  const before = await likes();
  const sent = await fetch(`${url}/_internal/v1/customActivities`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity),
  });
  result.uploadStatus = sent.status;
  await waitForAnswer(before);
  result.referat = await lastMessage();
  await shot('referat');
}

async function press(title) {
  const before = await likes();
  await page.getByRole('button', { name: title, exact: true }).last().click();
  await waitForAnswer(before);
}

// Scroll so that the `back`-th last AI message starts at the top: a tall card's first lines
// (what the step said) are in the picture, not only its buttons.
async function showFrom(back) {
  await page.evaluate(([like, n]) => {
    const likes = [...document.querySelectorAll(like)];
    let node = likes[likes.length - n];
    while (node && !node.querySelector('p')) node = node.parentElement;
    node?.scrollIntoView({ block: 'start' });
  }, [LIKE, back]);
  await page.waitForTimeout(500);
}

// The scenario's draft steps in order: {say} or {press}, each message kept, some photographed
// from the message `from` back (1: the last).
async function draftDialog() {
  result.draft = [];
  for (const step of scenario.draft) {
    if (step.say) await ask(step.say); else await press(step.press);
    result.draft.push(await lastMessage());
    if (step.shot) {
      await showFrom(step.from ?? 1);
      await shot(step.shot);
    }
  }
  result.download = await download();
}

// «Last ned <file>»: an Action.OpenUrl, opened as the Playground opens it (a new tab or this one).
async function download() {
  const button = page.locator('button', { hasText: /^Last ned / }).last();  // named by its tooltip
  const context = page.context();
  const popup = context.waitForEvent('page', { timeout: 30000 }).then(
    (tab) => tab.waitForEvent('download', { timeout: 30000 }));
  const here = page.waitForEvent('download', { timeout: 30000 });
  [popup, here].forEach((wait) => wait.catch(() => {}));  // the one that loses fails later
  await button.click();
  const file = await Promise.any([popup, here]);
  const path = `${scenario.downloads}/${file.suggestedFilename()}`;
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

try {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(url, { waitUntil: 'load' });
  const steps = [welcome, factQuestion];  // the fake core has no documents for the rest
  if (scenario.real) steps.push(listQuestion, sourcePage, pagedSummary, droppedReferat, draftDialog);
  for (const step of steps) {
    result.step = step.name;
    await step();
  }
  delete result.step;
} catch (error) {
  result.error = `${result.step}: ${error}`;
  if (page) await shot('failure').catch(() => {});
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));

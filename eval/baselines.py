"""What a typical team would build, run on the same questions as ours.

(a) lexical: BM25 over the clauses, the top clause as the answer.
(b) rag: a plain LangChain pipeline — RecursiveCharacterTextSplitter 500/50 over the notice, the same
    embeddings in Chroma, top-4 chunks as an extractive answer. Its chunks are not clauses, so a
    chunk cites every clause whose text it overlaps.
"""

from __future__ import annotations

from assistant.conversation.contract import Answer, CitationOut
from assistant.documents.corpus import Corpus
from assistant.retrieval.search import Searcher


class LexicalBaseline:
    name = "lexical top clause"

    def __init__(self, searcher: Searcher):
        self.searcher = searcher

    def answer(self, message: str) -> Answer:
        hits = self.searcher.search(message[:500], k=1, mode="lexical")
        if not hits:
            return Answer(answer="未找到相关条款。", mode="offline", verdict=None, citations=[])
        c = hits[0].clause
        return Answer(answer=c.text, mode="offline", verdict=None, citations=[CitationOut(id=c.id, label=c.label, text=c.text)])


class RagBaseline:
    name = "LangChain RAG (500/50, top-4)"

    def __init__(self, corpus: Corpus, embeddings):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        self.corpus = corpus
        source = corpus.primary.text
        splitter = RecursiveCharacterTextSplitter(chunk_size=500, chunk_overlap=50, add_start_index=True)
        documents = splitter.create_documents([source])
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.store = Chroma(client=client, collection_name="rag-baseline", embedding_function=embeddings)
        self.store.add_documents(documents)
        self.leaves = [c for c in corpus.clauses if c.doc == corpus.primary.id and not c.children]

    def _clauses_in(self, start: int, end: int) -> list[str]:
        return [c.id for c in self.leaves if c.start < end and start < c.end]

    def answer(self, message: str) -> Answer:
        documents = self.store.similarity_search(message, k=4)
        ids: list[str] = []
        for doc in documents:
            start = doc.metadata["start_index"]
            ids.extend(i for i in self._clauses_in(start, start + len(doc.page_content)) if i not in ids)
        citations = [CitationOut(id=c.id, label=c.label, text=c.text) for c in map(self.corpus.get, ids)]
        return Answer(answer="\n".join(d.page_content for d in documents), mode="offline", verdict=None, citations=citations)

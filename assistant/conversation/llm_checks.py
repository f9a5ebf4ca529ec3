"""What of a language model's free text may reach the user: sentence by sentence, on doubt dropped.

The verdict sentence and every quote of the notice are rendered by our code from the engine and the
corpus; the model's text is explanation only. A sentence of it is dropped when it states or implies an
outcome (in any wording or language: the outcome is the engine's, said by us), names a clause no tool
returned this turn (or one that does not exist), quotes words that are not verbatim in a clause returned,
or gives a figure or a phone number found neither in the returned clauses nor in our own answer.
Dropping a sentence keeps the rest: a good explanation is not thrown away for one bad line.
"""

from __future__ import annotations

import re
import unicodedata

SENTENCE_END = re.compile(r"(?<=[。！？!?\n])|(?<=[.;；])\s")  # after each end mark ("." with a space after)
CLAUSE_ID = re.compile(r"[\[【]([^\[\]【】\s]{1,60})[\]】]")
QUOTE = re.compile(r"[「“\"]([^」”\"]{4,})[」”\"]")
FIGURE = re.compile(r"\d+(?:\.\d+)?")
# An outcome or a route, in words a model may choose ("没问题，您够格", "可 以 申 报", "Yes, you are eligible").
OUTCOME = re.compile(r"符合|不符合|可以|可|能|不能|无法|不行|行|够格|有资格|没资格|没问题|放心|通过|达标|具备|不具备|满足|"
                     r"eligible|qualif|can apply|cannot|can't|not allowed|approved|yes|no\b", re.IGNORECASE)
CLAIM = re.compile(r"够格|有资格|没资格|没有资格|不够格|eligible|qualif", re.IGNORECASE)  # a verdict on its own
ABOUT_APPLYING = re.compile(r"申报|报名|报考|报|评|资格|条件|通道|破格|越级|转评|apply|eligib|qualif", re.IGNORECASE)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def keep(sentence: str, *, returned: dict[str, str], ours: str, phones: set[str], has_verdict: bool) -> str | None:
    """Why `sentence` is dropped (for the operator's log), or None when it may be shown.
    `returned`: id → text of the clauses the tools returned this turn; `ours`: our own rendered answer."""
    plain = _plain(sentence)
    if has_verdict and (CLAIM.search(plain) or OUTCOME.search(plain) and ABOUT_APPLYING.search(plain)):
        return "states an outcome (the engine's is said by us)"
    for cited in CLAUSE_ID.findall(sentence):
        if cited not in returned:
            return f"cites {cited}, which no tool returned"
    sources = _plain(ours) + "".join(_plain(t) for t in returned.values())
    for quoted in QUOTE.findall(sentence):
        if _plain(quoted) not in sources:
            return f"quotes words not in the notice: {quoted}"
    for number in re.findall(r"\d{5,}|(?<!\d)1\d{2}(?!\d)", plain):
        if number not in phones and number not in sources:
            return f"a number or phone not in the notice: {number}"
    for figure in FIGURE.findall(CLAUSE_ID.sub("", plain)):  # a clause id's digits are no figure
        if figure not in sources:
            return f"a figure not in the notice or our answer: {figure}"
    return None


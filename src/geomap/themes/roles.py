"""Who takes part in an event: the trigger's arguments in the sentence's dependency parse.

Word adjacency puts every place of a sentence into its fact ("In the day since a Taliban
offensive swept away the U.S.-backed Afghan government, Russian officials said ..." has
Russia in it, but Russia is not a side of the offensive). The parse
(:mod:`geomap.themes.syntax`) says which phrases belong to the trigger: for a verb its
subject, objects and obliques; for a noun its own modifiers and the arguments of the
verb it is the subject or object of ("Israel launched air strikes against Hezbollah
posts in Lebanon"). Embedded clauses (relative, adverbial, reported speech) are other
events and stay out; coordinated nouns ("Uzbekistan and Tajikistan") stay in.
"""

from __future__ import annotations

from collections.abc import Sequence

from geomap.themes.context import Context
from geomap.themes.syntax import Token, parse

__all__ = ["participants", "sentence_tokens"]

# dependents that open another clause: another event, with its own participants
_CLAUSES = {"advcl", "ccomp", "parataxis", "acl:relcl", "csubj", "list", "discourse", "vocative"}
_ARGUMENTS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:tmod", "nmod", "appos", "xcomp"}
_SUBJECTS = {"nsubj", "nsubj:pass"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "X"}


def sentence_tokens(ctx: Context) -> list[Token]:
    """The parse of the context's sentence, computed once per sentence."""
    if ctx.tokens is None:
        ctx.tokens = parse(ctx.text, ctx.sent.start, ctx.sent.end)
    return ctx.tokens


def _kids(tokens: Sequence[Token]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for t in tokens:
        out.setdefault(t.head, []).append(t.i)
    return out


def _phrase(tokens: Sequence[Token], kids: dict[int, list[int]], i: int) -> set[int]:
    """Token ``i`` and its dependents, without the clauses embedded in it."""
    out, todo = {i}, [i]
    while todo:
        j = todo.pop()
        for k in kids.get(j, ()):
            dep = tokens[k].dep
            if k in out or dep in _CLAUSES:
                continue
            if dep == "conj" and tokens[k].upos not in _NOMINAL:
                continue  # "..., and the following year a coalition intervened"
            out.add(k)
            todo.append(k)
    return out


def _event(tokens: Sequence[Token], kids: dict[int, list[int]], t: int) -> set[int]:
    """The tokens of the event a trigger token names, with its arguments."""
    scope = _phrase(tokens, kids, t)
    tok = tokens[t]
    verb = None
    if tok.upos in ("VERB", "AUX"):
        verb = t
    elif 0 <= tok.head < len(tokens) and tok.dep in _SUBJECTS | {"obj", "iobj", "obl"}:
        verb = tok.head  # "a Taliban offensive swept away ...", "launched air strikes on X"
    if verb is None:
        return scope
    args = [k for k in kids.get(verb, ()) if tokens[k].dep in _ARGUMENTS]
    if not any(tokens[k].dep in _SUBJECTS for k in args):
        # "Washington was quick to warn Beijing": the subject of the verb it depends on
        up = tokens[verb].head
        if 0 <= up < len(tokens) and tokens[verb].dep in ("xcomp", "conj", "acl"):
            args += [k for k in kids.get(up, ()) if tokens[k].dep in _SUBJECTS]
    scope.add(verb)
    for k in args:
        scope |= _phrase(tokens, kids, k)
    return scope


def participants(ctx: Context, start: int, end: int, idx: Sequence[int]) -> list[int] | None:
    """The mentions (indices into ``ctx.ms``, among ``idx``) that take part in the event
    named by the trigger at ``text[start:end]``; None when the parse cannot tell."""
    tokens = sentence_tokens(ctx)
    hit = [t.i for t in tokens if t.start < end and start < t.end]
    if not hit:
        return None
    kids = _kids(tokens)
    scope: set[int] = set()
    for t in hit:
        scope |= _event(tokens, kids, t)
    spans = [(tokens[k].start, tokens[k].end) for k in scope]
    out = [i for i in idx if any(a < ctx.ms[i].end and ctx.ms[i].start < b for a, b in spans)]
    return out or None

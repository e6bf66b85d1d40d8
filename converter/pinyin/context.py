"""The context model: g2pM's polyphone classifier, run in batches with numpy."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

import numpy as np
from threadpoolctl import ThreadpoolController


class ContextModel:
    """g2pM's polyphone model (one-layer bi-LSTM, two dense layers), run in batches.

    Same weights and arithmetic as ``g2pM.G2pM``, in float32, with every
    sentence of a batch stepped together and the scores restricted to the
    readings the character can have.
    """

    # Id 0 is padding; sentences are framed by the model's own begin and end marks.
    _UNK, _BOS, _EOS = "<UNK>", "시", "끝"

    def __init__(self) -> None:
        data = files("g2pM")
        with (data / "char2idx.pkl").open("rb") as f:
            self.char_ids: dict[str, int] = pickle.load(f)
        with (data / "class2idx.pkl").open("rb") as f:
            class_ids: dict[str, int] = pickle.load(f)
        with (data / "digest_cedict.pkl").open("rb") as f:
            cedict: dict[str, list[str]] = pickle.load(f)
        with (data / "np_ckpt.pkl").open("rb") as f:
            weights = {k: np.asarray(v, dtype=np.float32) for k, v in pickle.load(f).items()}
        self.embeddings = weights["embedding.weight"]
        self.fw = (weights["lstm.weight_ih_l0"], weights["lstm.weight_hh_l0"],
                   weights["lstm.bias_ih_l0"] + weights["lstm.bias_hh_l0"])
        self.bw = (weights["lstm.weight_ih_l0_reverse"], weights["lstm.weight_hh_l0_reverse"],
                   weights["lstm.bias_ih_l0_reverse"] + weights["lstm.bias_hh_l0_reverse"])
        # Recurrent weights of both directions as one block-diagonal matrix, its
        # columns regrouped gate by gate (PyTorch order i, f, g, o), each gate
        # holding the forward then the backward direction.
        hidden = self.fw[1].shape[1]
        recurrent = np.zeros((2 * hidden, 8 * hidden), dtype=np.float32)
        recurrent[:hidden, :4 * hidden] = self.fw[1].T
        recurrent[hidden:, 4 * hidden:] = self.bw[1].T
        self.gate_order = np.concatenate(
            [np.r_[g * hidden:(g + 1) * hidden, (4 + g) * hidden:(5 + g) * hidden]
             for g in range(4)])
        self.recurrent = recurrent[:, self.gate_order]
        self.dense = (weights["logit_layer.0.weight"], weights["logit_layer.0.bias"],
                      weights["logit_layer.2.weight"], weights["logit_layer.2.bias"])
        # Polyphones the model knows: their readings, as class ids and canonical syllables.
        self.polyphones: dict[str, tuple[np.ndarray, tuple[str, ...]]] = {
            char: (np.array([class_ids[p] for p in prons]),
                   tuple(p.replace("u:", "v") for p in prons))
            for char, prons in cedict.items()
            if len(prons) > 1
        }
        # The reading each polyphone gets with no context at all.
        alone = sorted(self.polyphones)
        self.context_free: dict[str, str] = {
            char: max(scores[0], key=scores[0].__getitem__)
            for char, scores in zip(alone, self.probabilities(alone))
        }

    def _encode(self, sentence: str) -> list[int]:
        unk = self.char_ids[self._UNK]
        return ([self.char_ids[self._BOS]]
                + [self.char_ids.get(c, unk) for c in sentence]
                + [self.char_ids[self._EOS]])

    def _run_lstm(self, forward_ids: np.ndarray, backward_ids: np.ndarray) -> np.ndarray:
        """Hidden states [batch, time, forward + backward] over padded ids.

        Both directions step together: their recurrent weights form one
        block-diagonal matrix, so each time step is a single matrix product.
        ``backward_ids`` holds each sentence reversed; its states stay in that order.
        """
        hidden = self.fw[1].shape[1]
        projected = np.concatenate(
            [self.embeddings[forward_ids] @ self.fw[0].T + self.fw[2],
             self.embeddings[backward_ids] @ self.bw[0].T + self.bw[2]],
            axis=2,
        )[:, :, self.gate_order]
        batch, steps, _ = projected.shape
        width = 2 * hidden
        h = np.zeros((batch, width), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.empty((batch, steps, width), dtype=np.float32)
        for t in range(steps):
            gates = projected[:, t] + h @ self.recurrent
            sig = _sigmoid(gates)
            cell = np.tanh(gates[:, 2 * width:3 * width])
            c = sig[:, width:2 * width] * c + sig[:, :width] * cell
            h = sig[:, 3 * width:] * np.tanh(c)
            out[:, t] = h
        return out

    def probabilities(self, sentences: Sequence[str]) -> list[dict[int, dict[str, float]]]:
        """For each sentence: position of each known polyphone → {reading: probability}."""
        results: list[dict[int, dict[str, float]]] = [{} for _ in sentences]
        jobs = [(n, s) for n, s in enumerate(sentences)
                if any(c in self.polyphones for c in s)]
        jobs.sort(key=lambda job: len(job[1]))
        # Sorted by length, small batches pad little: 96 measured fastest on a
        # newspaper page (0.11 s against 0.18 s with 256).
        batch_size = 96
        # One BLAS thread: each time step is a small product, which several
        # threads only slow down (7 times, measured on 2 busy cores), and batch
        # runs already give each CPU a process of its own.
        with _blas_threads().limit(limits=1, user_api="blas"):
            for first in range(0, len(jobs), batch_size):
                self._score_batch(jobs[first:first + batch_size], results)
        return results

    def _score_batch(self, jobs: list[tuple[int, str]],
                     results: list[dict[int, dict[str, float]]]) -> None:
        encoded = [self._encode(s) for _, s in jobs]
        lengths = np.array([len(e) for e in encoded])
        steps = int(lengths.max())
        forward_ids = np.zeros((len(jobs), steps), dtype=np.int64)
        backward_ids = np.zeros_like(forward_ids)
        for row, ids in enumerate(encoded):
            forward_ids[row, :len(ids)] = ids
            backward_ids[row, :len(ids)] = ids[::-1]
        states = self._run_lstm(forward_ids, backward_ids)
        hidden = self.fw[1].shape[1]
        rows, cols, owners = [], [], []
        for row, (n, sentence) in enumerate(jobs):
            for position, char in enumerate(sentence):
                if char in self.polyphones:
                    rows.append(row)
                    cols.append(position + 1)  # after the BOS mark
                    owners.append((n, position, char))
        rows_a, cols_a = np.array(rows), np.array(cols)
        backward_cols = lengths[rows_a] - 1 - cols_a
        states = np.concatenate([states[rows_a, cols_a, :hidden],
                                 states[rows_a, backward_cols, hidden:]], axis=1)
        w0, b0, w1, b1 = self.dense
        logits = np.maximum(states @ w0.T + b0, 0) @ w1.T + b1
        for k, (n, position, char) in enumerate(owners):
            class_ids, syllables = self.polyphones[char]
            scores = logits[k, class_ids]
            exp = np.exp(scores - scores.max())
            exp /= exp.sum()
            results[n][position] = dict(zip(syllables, exp.tolist()))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


@cache
def _blas_threads() -> ThreadpoolController:
    """The process's BLAS libraries, found once (finding them takes about a millisecond)."""
    return ThreadpoolController()


@cache
def context_model() -> ContextModel:
    """The context model, loaded on first use (about 0.1 s) and kept for the process."""
    return ContextModel()

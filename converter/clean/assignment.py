"""One headline per article: the assignment with the largest total score (the Hungarian method)."""

from __future__ import annotations


def best_assignment(scores: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs (row, column), each row and column used once, with the largest total score.

    The Hungarian method on the square matrix padded with zeros.

    >>> best_assignment([[0.9, 0.8], [0.85, 0.0]])
    [(0, 1), (1, 0)]
    """
    rows = len(scores)
    columns = len(scores[0]) if rows else 0
    size = max(rows, columns)
    if size == 0:
        return []
    top = max((value for row in scores for value in row), default=0.0)
    cost = [
        [top - (scores[r][c] if r < rows and c < columns else 0.0) for c in range(size)] for r in range(size)
    ]
    infinity = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)  # match[column] = row, 1-based; 0 is free
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        match[0] = row
        column = 0
        least = [infinity] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column] = True
            current, delta, next_column = match[column], infinity, 0
            for candidate in range(1, size + 1):
                if used[candidate]:
                    continue
                reduced = cost[current - 1][candidate - 1] - u[current] - v[candidate]
                if reduced < least[candidate]:
                    least[candidate], way[candidate] = reduced, column
                if least[candidate] < delta:
                    delta, next_column = least[candidate], candidate
            for candidate in range(size + 1):
                if used[candidate]:
                    u[match[candidate]] += delta
                    v[candidate] -= delta
                else:
                    least[candidate] -= delta
            column = next_column
            if match[column] == 0:
                break
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    pairs = [(match[c] - 1, c - 1) for c in range(1, size + 1) if match[c] - 1 < rows and c - 1 < columns]
    return sorted(pairs)

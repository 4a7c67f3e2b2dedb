"""The endpoints' work, each step a function of its own so flame graphs name it."""

import math
from typing import Dict, List


def build_trig_records(limit: int, offset: int) -> List[Dict[str, float]]:
    records = []
    for degrees in range(offset, offset + limit):
        radians = math.radians(degrees % 360)
        records.append(
            {
                "id": degrees,
                "degrees": degrees % 360,
                "sin": math.sin(radians),
                "cos": math.cos(radians),
                "tan": math.tan(radians) if degrees % 180 != 90 else float("inf"),
            }
        )
    return records


def load_report_ids(n: int) -> List[int]:
    # Deterministic ids with a duplicate every 97th place, so every report has the same cost.
    return [(i * 7919) % (n - n // 97) for i in range(n)]


def find_duplicate_ids_slowly(ids: List[int]) -> List[int]:
    """The CPU-hot handler function: an accidentally quadratic duplicate search (what a profile should find)."""
    duplicates = []
    for i, value in enumerate(ids):
        for other in ids[i + 1 :]:
            if value == other:
                duplicates.append(value)
                break
    return duplicates

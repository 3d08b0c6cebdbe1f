"""What tests assert of an answer object: the figure stated, or that none is."""


def main_figure(result: dict) -> dict:
    """The figure an answered question states first (the answer's text says why when it is not answered)."""
    assert result["status"] == "answered", result["answer"]
    return result["figures"][0]


def refused(result: dict) -> None:
    """No figure stated."""
    assert result["status"] != "answered" and not result["figures"], result["answer"]

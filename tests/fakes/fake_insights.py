"""The fake Graph API with insights: the publisher's fake (``fake_graph.FakeInstagram``) plus

- ``GET /{v}/{media-id}/insights?metric=reach,views,…`` and ``?metric=navigation&breakdown=
  story_navigation_action_type``, with numbers that grow over the story's 24 hours on a simulated clock
  (``fake.now``), error 10 "Not enough viewers" while fewer than 5 accounts have seen it, error 100/33 once the
  story is gone (24 hours after posting), and Meta's refusals of unknown metrics and of a breakdown on metrics
  that have none;
- ``GET /{v}/{ig-user-id}?fields=followers_count`` from a function of the simulated clock.

Every answer is logged in ``served`` / ``followers_served``, so a test can check that each figure the app shows
is what this server gave. The story's age is measured from the real moment the fake published it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.fake_graph import Failure, FakeInstagram, _Handler

STORY_METRICS = ("reach", "views", "replies", "shares", "follows", "profile_visits", "total_interactions")
NAVIGATION = ("tap_forward", "tap_back", "tap_exit", "swipe_forward")
HOUR = 3600.0
DAY = 24 * HOUR


@dataclass
class StoryScript:
    """The numbers a story ends its 24 hours with; on the way they grow as 1 - (1 - h/24)²."""

    final: dict[str, int] = field(default_factory=dict)
    navigation_error: bool = False  # the navigation request fails with Meta's "unknown error"

    @classmethod
    def typical(cls, reach: int, seed: int = 0) -> StoryScript:
        views = reach + reach // 4 + seed % 7
        return cls({
            "reach": reach, "views": views, "replies": reach // 60 + seed % 3, "shares": reach // 90,
            "follows": reach // 120 + seed % 2, "profile_visits": reach // 25, "total_interactions": reach // 20,
            "tap_forward": reach // 2, "tap_back": reach // 12 + seed % 4, "tap_exit": reach // 6 + seed % 5,
            "swipe_forward": reach // 10,
        })


def fraction(hours: float) -> float:
    if hours <= 0:
        return 0.0
    if hours >= 24:
        return 1.0
    return 1 - (1 - hours / 24) ** 2


@dataclass(frozen=True)
class Served:
    media_id: str
    at: float  # simulated time of the answer
    kind: str  # metrics | navigation | not_enough_viewers | gone
    values: dict[str, int]


class FakeInstagramInsights(FakeInstagram):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.followers: Callable[[float], int] = lambda _t: 1000
        self.scripts: list[StoryScript] = []  # for the 1st, 2nd … story published
        self.served: list[Served] = []
        self.followers_served: list[tuple[float, int]] = []
        self.values_style = "values"  # "values": values[0].value (Meta's story examples); "total_value"

    def start(self) -> FakeInstagramInsights:
        fake = self

        class Handler(_InsightsHandler):
            owner = fake

        self._serve(Handler, "fake-graph-insights")
        return self

    def stories(self) -> list[str]:
        with self.lock:
            return [p.media_id for p in self.published if p.container_id != "outside"]

    def script_for(self, media_id: str) -> StoryScript:
        ids = self.stories()
        index = ids.index(media_id) if media_id in ids else 0
        if index < len(self.scripts):
            return self.scripts[index]
        return StoryScript.typical(200 + (int(media_id) % 97) * 3, int(media_id) % 11)

    def published_at(self, media_id: str) -> float | None:
        with self.lock:
            return next((p.timestamp for p in self.published if p.media_id == media_id), None)

    def values_at(self, media_id: str, at: float) -> dict[str, int]:
        posted = self.published_at(media_id)
        assert posted is not None
        share = fraction((at - posted) / HOUR)
        return {name: int(value * share) for name, value in self.script_for(media_id).final.items()}

    def last_served(self, media_id: str) -> dict[str, int]:
        """Everything the app was last told about a story (plain metrics and navigation)."""
        merged: dict[str, int] = {}
        for entry in self.served:
            if entry.media_id == media_id and entry.kind in ("metrics", "navigation"):
                merged.update(entry.values)
        return merged


class _InsightsHandler(_Handler):
    owner: FakeInstagramInsights

    @staticmethod
    def _endpoint(method: str, segments: list[str]) -> str:
        if method == "GET" and len(segments) == 2 and segments[1] == "insights":
            return "insights"
        return _Handler._endpoint(method, segments)

    def _ep_node(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        if segments[0] == fake.ig_user_id and "followers_count" in params.get("fields", "").split(","):
            at = fake.clock()
            count = fake.followers(at)
            with fake.lock:
                fake.followers_served.append((at, count))
            self._send(200, {"followers_count": count, "id": segments[0]})
            return
        super()._ep_node(segments, params)

    def _ep_insights(self, segments: list[str], params: dict[str, str]) -> None:
        fake = self.owner
        media_id = segments[0]
        posted = fake.published_at(media_id)
        at = fake.clock()
        if posted is None or at - posted >= DAY:
            if posted is not None:
                with fake.lock:
                    fake.served.append(Served(media_id, at, "gone", {}))
            self._error(Failure(100, 33, 400, f"Unsupported get request. Object with ID '{media_id}' does not exist"))
            return
        metrics = [m for m in params.get("metric", "").split(",") if m]
        breakdown = params.get("breakdown")
        allowed = (*STORY_METRICS, "navigation")
        unknown = [m for m in metrics if m not in allowed]
        if not metrics or unknown:
            self._error(Failure(100, None, 400, f"(#100) metric[0] must be one of the following values: "
                                                f"{', '.join(allowed)}"))
            return
        if breakdown is not None and (breakdown != "story_navigation_action_type" or metrics != ["navigation"]):
            self._error(Failure(1, None, 500, "An unknown error has occurred."))
            return
        values = fake.values_at(media_id, at)
        if values.get("reach", 0) < 5:
            with fake.lock:
                fake.served.append(Served(media_id, at, "not_enough_viewers", {}))
            self._error(Failure(10, None, 400, "(#10) Not enough viewers for the media to show insights"))
            return
        script = fake.script_for(media_id)
        if metrics == ["navigation"]:
            if script.navigation_error:
                self._error(Failure(1, None, 500, "An unknown error has occurred."))
                return
            counted = [(name, values[name]) for name in NAVIGATION if name in values]
            results: list[dict[str, Any]] = [{"dimension_values": [name], "value": value} for name, value in counted]
            shown: dict[str, int] = {{"tap_forward": "taps_forward", "tap_back": "taps_back", "tap_exit": "exits",
                      "swipe_forward": "swipes_forward"}[name]: value for name, value in counted}
            with fake.lock:
                fake.served.append(Served(media_id, at, "navigation", shown))
            item: dict[str, Any] = {"name": "navigation", "period": "lifetime",
                                    "total_value": {"value": sum(r["value"] for r in results),
                                                    "breakdowns": [{"dimension_keys": ["story_navigation_action_type"],
                                                                    "results": results}]},
                                    "id": f"{media_id}/insights/navigation/lifetime"}
            self._send(200, {"data": [item]})
            return
        data = []
        shown = {}
        for name in metrics:
            if name == "navigation" or name not in values:
                continue  # Meta leaves out what it does not have, instead of reporting 0
            shown[name] = values[name]
            item = {"name": name, "period": "lifetime", "title": name.replace("_", " ").title(),
                    "id": f"{media_id}/insights/{name}/lifetime"}
            if fake.values_style == "total_value":
                item["total_value"] = {"value": values[name]}
            else:
                item["values"] = [{"value": values[name]}]
            data.append(item)
        with fake.lock:
            fake.served.append(Served(media_id, at, "metrics", shown))
        self._send(200, {"data": data})

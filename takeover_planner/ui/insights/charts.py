"""The dashboard's charts, drawn with Qt Charts (part of the PySide6 wheel).

- ``FollowerChart``: followers per day, the goal as a dashed line up to its date, and the trend (least squares
  over the last four weeks) carried forward to the day the goal is reached at the current pace.
- ``FrameChart``: grouped bars per frame (reach and views, or exits and replies). A frame without numbers
  gets no bar and a "–" after its number on the axis, and bars carry no value labels, so a missing figure
  never reads as a zero (the table under the charts has every number).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from takeover_planner.insights.trend import DailyPoint, GoalProgress, Trend
from takeover_planner.ui.i18n import qdate

FOLLOWERS = QColor("#2f6fde")
GOAL = QColor("#2e9e6a")
TREND = QColor("#b26a00")
MAX_FUTURE_DAYS = 400  # a projection years away is not drawn to scale: it would flatten the history


def _msecs(day: dt.date) -> float:
    return float(QDateTime(qdate(day), QTime(12, 0)).toMSecsSinceEpoch())


def _nice_top(value: float) -> float:
    if value <= 0:
        return 10.0
    exponent = 10 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * exponent >= value:
            return float(step * exponent)
    return float(10 * exponent)


class _ChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundRoundness(4)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def clear(self) -> None:
        """Remove the series; the axes stay (axes removed from a chart keep painting until deleted)."""
        self.chart().removeAllSeries()


class FollowerChart(_ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis_x = QDateTimeAxis()
        self.axis_x.setTickCount(7)
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self.chart().addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)

    def show_followers(self, daily: Sequence[DailyPoint], progress: GoalProgress | None, *, followers_name: str,
                       goal_name: str, trend_name: str) -> None:
        self.clear()
        chart = self.chart()
        self.setAccessibleName(followers_name)
        if not daily:
            return
        line = QLineSeries()
        line.setName(followers_name)
        line.setPen(QPen(FOLLOWERS, 2.2))
        for day, value in daily:
            line.append(_msecs(day), value)
        chart.addSeries(line)
        first, last = daily[0][0], daily[-1][0]
        end = last + dt.timedelta(days=7)
        top = max(v for _, v in daily)
        bottom = min(v for _, v in daily)
        series: list[QLineSeries | QScatterSeries] = [line]
        if progress is not None:
            end = max(end, progress.due + dt.timedelta(days=7))
            top = max(top, progress.target)
            goal = QLineSeries()
            goal.setName(goal_name)
            pen = QPen(GOAL, 1.8)
            pen.setStyle(Qt.PenStyle.DashLine)
            goal.setPen(pen)
            goal.append(_msecs(first), progress.target)
            goal.append(_msecs(progress.due), progress.target)
            mark = QScatterSeries()
            mark.setName(goal_name)
            mark.setColor(GOAL)
            mark.setBorderColor(GOAL)
            mark.setMarkerSize(9)
            mark.append(_msecs(progress.due), progress.target)
            chart.addSeries(goal)
            chart.addSeries(mark)
            series += [goal, mark]
            trend_line = self._trend(progress.trend, last, progress, trend_name)
            if trend_line is not None:
                chart.addSeries(trend_line)
                series.append(trend_line)
                if progress.projected is not None:
                    end = max(end, min(progress.projected, last + dt.timedelta(days=MAX_FUTURE_DAYS)))
        self.axis_x.setFormat("MMM yyyy" if (end - first).days > 120 else "d MMM")
        self.axis_x.setRange(QDateTime(qdate(first), QTime(0, 0)), QDateTime(qdate(end), QTime(0, 0)))
        span = max(top - bottom, 10)
        self.axis_y.setRange(max(0.0, float(bottom - span * 0.08)), float(top + span * 0.08))
        self.axis_y.applyNiceNumbers()
        for s in series:
            s.attachAxis(self.axis_x)
            s.attachAxis(self.axis_y)
        markers = chart.legend().markers(series[-2]) if progress is not None and len(series) > 2 else []
        for marker in markers:  # the goal's dot shares the goal line's legend entry
            marker.setVisible(False)

    @staticmethod
    def _trend(trend: Trend | None, last: dt.date, progress: GoalProgress, name: str) -> QLineSeries | None:
        if trend is None:
            return None
        until = progress.projected or progress.due
        until = min(max(until, last), last + dt.timedelta(days=MAX_FUTURE_DAYS))
        line = QLineSeries()
        line.setName(name)
        pen = QPen(TREND, 1.6)
        pen.setStyle(Qt.PenStyle.DotLine)
        line.setPen(pen)
        line.append(_msecs(trend.first), trend.at(trend.first))
        line.append(_msecs(until), trend.at(until))
        return line


class FrameChart(_ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis_x = QBarCategoryAxis()
        small = QFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        self.axis_x.setLabelsFont(small)
        # Frame numbers are short: cut to "…" they say nothing (issue 16: "…" under every bar past the ninth).
        self.axis_x.setTruncateLabels(False)
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        self.axis_y.setTickCount(5)
        self.chart().addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart().addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)

    def show_bars(self, categories: Sequence[str], sets: Sequence[tuple[str, QColor, Sequence[int | None]]]) -> None:
        self.clear()
        chart = self.chart()
        if not categories:
            return
        bars = QBarSeries()
        top = 1
        labels = list(categories)
        for name, color, values in sets:
            bar_set = QBarSet(name)
            bar_set.setColor(color)
            bar_set.setBorderColor(color)
            for index, value in enumerate(values):
                bar_set.append(float(value or 0))
                if value is None and "–" not in labels[index]:
                    labels[index] = f"{labels[index]} –"
                top = max(top, value or 0)
            bars.append(bar_set)
        # No value labels on the bars: a frame without numbers has a bar of height 0 and must not read "0".
        chart.addSeries(bars)
        self.axis_x.clear()
        self.axis_x.append(labels)
        self.axis_y.setRange(0, _nice_top(top * 1.08))
        bars.attachAxis(self.axis_x)
        bars.attachAxis(self.axis_y)

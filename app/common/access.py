"""Accessible names and descriptions for every control and plot, given centrally.

A screen reader asks each widget's accessible interface for a name and a description. Qt already
answers for many (a button's text, a form row's label, a tool tip as the description); this module
fills in the rest once the window is built, and again for widgets created later (token chips, a
dialog's controls): a QLabel just before a control in its layout names it, a group box title or a
plot's title names a list or a plot, and what a plot shows is said by hand in access_texts.py.
A name Qt would derive on its own is left to Qt, so that a button whose text changes (Play / Pause)
is read as it is now.
"""
from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

INPUTS = (QAbstractButton, QComboBox, QAbstractSlider, QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit,
          QAbstractItemView, QTabBar)
PLOTS = (pg.GraphicsView, QGraphicsView)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the empty context, where lupdate files tr(): see app/i18n.py


def role_word(widget: QWidget) -> str:
    """What kind of control it is, in words, for a description derived from where it is."""
    for cls, word in ((QAbstractButton, "Button"), (QComboBox, "Choice list"), (QAbstractSlider, "Slider"),
                      (QAbstractSpinBox, "Number box"), (QLineEdit, "Text box"), (QPlainTextEdit, "Text box"),
                      (QTextEdit, "Text"), (QAbstractItemView, "List"), (QTabBar, "Tabs")):
        if isinstance(widget, cls):
            return tr(word)
    return tr("Picture")


# ---- which widgets must be named ---------------------------------------------------------------
def _own_class(widget: QWidget) -> bool:
    """A widget class of ours that draws itself or takes clicks or keys (a painted chart, a token chip)."""
    cls = type(widget)
    if not cls.__module__.startswith("app.") or getattr(cls, "decoration", False):
        return False
    if widget.focusPolicy() & Qt.TabFocus:  # takes keys (through an event filter, say)
        return True
    return any(name in vars(c) for c in cls.__mro__ if c.__module__.startswith("app.")
               for name in ("paintEvent", "mousePressEvent", "keyPressEvent"))


def is_part_of_control(widget: QWidget) -> bool:
    """A scroll bar, a spin box's line edit, a combo box's list, a tab bar's scroll buttons, a plot's
    internal widgets: the control they belong to carries the name."""
    if isinstance(widget, QScrollBar):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, INPUTS + PLOTS + (QMenuBar,)) and not isinstance(parent, QTextEdit):
            return True
        parent = parent.parentWidget()
    return False


def needs_text(widget: QWidget) -> bool:
    """An interactive widget or a plot, not part of another control."""
    if not (isinstance(widget, INPUTS + PLOTS) or _own_class(widget)):
        return False
    return not is_part_of_control(widget)


def accessible_text(widget: QWidget) -> tuple[str, str]:
    """The name and description a screen reader gets (Qt's own derivations included). A tab bar is read
    tab by tab: each tab's text is its name and its tool tip its description; it has them when all do."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None:
        return widget.accessibleName(), widget.accessibleDescription()
    if isinstance(widget, QTabBar):
        tabs = [iface.child(i) for i in range(widget.count())]
        names = [t.text(QAccessible.Name).strip() for t in tabs if t is not None]
        tips = [t.text(QAccessible.Description).strip() for t in tabs if t is not None]
        whole = all(names) and len(names) == widget.count()
        return (widget.accessibleName() if whole else ""), (widget.accessibleDescription() if all(tips) else "")
    return iface.text(QAccessible.Name).strip(), iface.text(QAccessible.Description).strip()


def owner_key(widget: QWidget) -> str:
    """"Class.attribute" of the nearest parent object that keeps `widget` as an attribute (or in a list
    attribute): "OutputPanel.plot", "BlockPanel.rows". Hand-written texts are keyed by it."""
    def holds(value) -> bool:
        if isinstance(value, dict):
            value = list(value.values())
        return value is widget or (isinstance(value, (list, tuple)) and any(v is widget for v in value))

    parent = widget.parentWidget()
    for _ in range(8):
        if parent is None:
            break
        owners = [parent] + [v for v in vars(parent).values() if type(v).__module__.startswith("app.")
                             and not isinstance(v, QWidget) and hasattr(v, "__dict__")]
        for owner in owners:  # the widget itself, or a helper object it keeps (its sampling controls)
            for key, value in vars(owner).items():
                if holds(value):
                    return f"{type(owner).__name__}.{key}"
        parent = parent.parentWidget()
    return type(widget).__name__


def unnamed(root: QWidget) -> list[QWidget]:
    """Widgets under `root` (itself included) that need a name and a description and lack either."""
    widgets = [root] + root.findChildren(QWidget)
    return [w for w in widgets if needs_text(w) and not all(accessible_text(w))]


# ---- deriving names ------------------------------------------------------------------------------
def plain(text: str) -> str:
    """Rich text and mnemonics out, whitespace collapsed."""
    text = re.sub(r"<[^>]+>", " ", text or "").replace("&nbsp;", " ").replace("&amp;", "\x00")
    text = text.replace("&", "").replace("\x00", "&")
    return " ".join(text.split())


def label_before(widget: QWidget) -> str:
    """The text of a short QLabel just before `widget` in its parent's layout ("Temperature:" [slider])."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    for lay in ([layout] + (layout.findChildren(QObject) if layout is not None else [])):
        if lay is None or not hasattr(lay, "indexOf"):
            continue
        i = lay.indexOf(widget)
        if i > 0:
            before = lay.itemAt(i - 1).widget()
            if isinstance(before, QLabel) and 0 < len(plain(before.text())) <= 60:
                return plain(before.text()).rstrip(":").strip()
    return ""


def section(widget: QWidget) -> str:
    """Where the widget is: its group box, stage, tab or dialog."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and plain(parent.title()):
            return plain(parent.title())
        title = getattr(type(parent), "title", None)
        if isinstance(title, str) and title:
            return tr(title)
        for attr in ("heading", "title"):  # a step of the block stage, the tour's card: its heading
            label = getattr(parent, attr, None)
            if isinstance(label, QLabel) and plain(label.text()):
                return plain(label.text())
        if parent.isWindow() and parent.windowTitle():
            return parent.windowTitle()
        up = parent.parentWidget()
        if isinstance(up, QWidget) and isinstance(up.parentWidget(), QTabWidget):
            tabs = up.parentWidget()
            i = tabs.indexOf(parent)
            if i >= 0:
                return plain(tabs.tabText(i))
        parent = up
    return ""


def derived_name(widget: QWidget) -> str:
    if isinstance(widget, QTabBar):
        return tr("Tabs: {0}").format(", ".join(plain(widget.tabText(i)) for i in range(widget.count())))
    if isinstance(widget, pg.PlotWidget):
        from .plots import title_text

        item = widget.getPlotItem()
        title = plain(title_text(widget) or (item.titleLabel.text if item.titleLabel.isVisible() else ""))
        if title:
            return title
        owner = widget.parentWidget()  # a TokenHeatmap names its axes before it has anything to draw
        left, bottom = (plain(getattr(owner, attr, "") or item.getAxis(k).labelText)
                        for attr, k in (("row_axis", "left"), ("col_axis", "bottom")))
        if left and bottom:
            return tr("{0} against {1}").format(left, bottom)
    text = label_before(widget)
    if not text and isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        text = plain(widget.placeholderText())
    if not text and isinstance(widget, QAbstractButton):
        text = plain(widget.text())
    if not text and isinstance(widget, QAbstractItemView):
        text = section(widget)
    return text or plain(widget.toolTip()).split(". ")[0]


def derived_description(widget: QWidget) -> str:
    where = section(widget)
    return tr("{0} in {1}").format(role_word(widget), where) if where else ""


def name_tree(root: QWidget) -> None:
    """Give every widget under `root` that needs them a name and a description, where it has none yet:
    the hand-written texts of access_texts first, then what can be derived. A button's text and a tool
    tip are left to Qt (they stay current). Idempotent, and cheap enough to run after a stage renders."""
    from .access_texts import hand_text, tab_tips

    for widget in [root] + root.findChildren(QWidget):
        if not needs_text(widget) or all(accessible_text(widget)):
            continue
        if isinstance(widget, QTabBar):
            tips = tab_tips()
            for i in range(widget.count()):
                if not widget.tabToolTip(i):
                    widget.setTabToolTip(i, tips.get(widget.tabText(i), ""))
        where = section(widget)
        hand = hand_text(widget, owner_key(widget)) or ("", "")
        if not widget.accessibleName():
            qt_name = accessible_text(widget)[0]
            own = hand[0] or ("" if isinstance(widget, QAbstractButton) and qt_name else derived_name(widget))
            if own or not qt_name:
                widget.setAccessibleName(own.replace("{section}", where))
        if not widget.accessibleDescription() and not widget.toolTip() and hand[1] is not None:
            text = hand[1] or derived_description(widget)
            widget.setAccessibleDescription(text.replace("{section}", where))
        if isinstance(widget, QTabBar) and not widget.accessibleDescription():
            widget.setAccessibleDescription(derived_description(widget))


class _Namer(QObject):
    """Names what appears after the window is built; owned by the window, so its connections end with it."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.stack.currentChanged.connect(lambda _: QTimer.singleShot(0, self, self.stage))  # once rendered
        window.trace_shown.connect(self.traced)
        # Walking a page's widgets took 8 ms of every keystroke on the Tokens stage (64 chips): after the
        # first trace a page shows, it is walked again only when its widgets come or go.
        self.widget_counts: dict[int, int] = {}  # id(page) -> how many widgets it had when last walked
        window.tabs.currentChanged.connect(lambda i: name_tree(window.tabs.widget(i)))
        QApplication.instance().focusChanged.connect(self.focus_moved)

    def stage(self, *_) -> None:
        if not self.window.isVisible():
            return
        page = self.window.stack.currentWidget()
        if page is not None:
            self.widget_counts.pop(id(page), None)  # the next trace walks it whatever it holds
            name_tree(page)

    def traced(self, *_) -> None:
        page = self.window.stack.currentWidget()
        if page is None or not self.window.isVisible():
            return
        count = len(page.findChildren(QWidget))
        if self.widget_counts.get(id(page)) != count:
            name_tree(page)
            self.widget_counts[id(page)] = count

    def focus_moved(self, _old, new) -> None:
        if new is None:
            return
        if new.window() is not self.window:  # a dialog's controls
            name_tree(new.window())
        else:  # what focus just reached and its neighbours: the tour's card with this step's answers
            name_tree(new.parentWidget() or new)


def install(window) -> None:
    """Name the window's widgets now, and those that appear later: a stage's when it is shown or
    rendered, a tab's when it is picked, a dialog's when focus first enters it."""
    from .focus import FocusFollower

    name_tree(window)
    window.access_namer = _Namer(window)
    window.focus_follower = FocusFollower(window)  # a visible focus on every control

"""The scoring-model editor (分级标准评分表) with a live preview of the tiers it would give."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from accountdesk.core.changes import Changes
from accountdesk.core.i18n import AccountDeskError, Message, ValidationError, current_language
from accountdesk.core.tiering.metrics import METRICS
from accountdesk.core.tiering.regrade import preview_model, regrade_all
from accountdesk.core.tiering.scoring import activate_model, default_definition, save_model
from accountdesk.core.tiering.sheet_text import (
    bands_text,
    model_summaries,
    parse_bands,
    parse_numbers,
    parse_tier_names,
)
from accountdesk.ui.dashboard.charts import Bar, BarChart
from accountdesk.ui.dashboard.tables import MigrationTable, tier_text
from accountdesk.ui.kit.dialogs import error_text
from accountdesk.ui.kit.retranslate import Retranslating
from accountdesk.ui.kit.theme import OVERDUE_COLOR, tier_color
from accountdesk.ui.tiers.regrade_dialog import RegradeDialog

PREVIEW_DELAY_MS = 400
COL_LABEL, COL_METRIC, COL_WEIGHT, COL_BANDS, COL_MISSING = range(5)


@dataclass
class PreviewMatrix:
    """A re-grade preview's old → new counts in the shape the migration heat-map shows."""

    tiers: list[str]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def _number(text: str, what: Message) -> float:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        raise ValidationError(f"{what.zh}：“{text}”不是数字", f"{what.en}: '{text}' is not a number",
                              field="criteria") from None


class ScoringEditor(Retranslating, QWidget):
    """Edit a copy of a stored model; every change previews after a short pause on the reader thread,
    and nothing is stored until Save, Save as new or Activate."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("scoringEditor")
        self.models = []
        self.base: dict = default_definition()
        self.dirty = False
        self.last_preview = None
        self.regrade_dialog = None  # the re-grade offered after saving or activating a sheet
        self._preview_definition: dict = {}
        self._serial = 0
        self._loading = False

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(16)
        editor = QVBoxLayout()
        layout.addLayout(editor, 3)

        top = QHBoxLayout()
        self.model_label = QLabel()
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("modelCombo")
        self.model_combo.setMinimumWidth(260)
        self.active_label = QLabel()
        self.active_label.setObjectName("mutedText")
        top.addWidget(self.model_label)
        top.addWidget(self.model_combo, 1)
        top.addWidget(self.active_label)
        editor.addLayout(top)

        form = QFormLayout()
        self.tiers_edit = QLineEdit()
        self.tiers_edit.setObjectName("tierNames")
        self.mode_combo = QComboBox()
        self.mode_combo.addItem("", "thresholds")
        self.mode_combo.addItem("", "share")
        self.thresholds_edit = QLineEdit()
        self.thresholds_edit.setObjectName("thresholds")
        self.shares_edit = QLineEdit()
        self.shares_edit.setObjectName("shares")
        self.window_spin = QSpinBox()
        self.window_spin.setRange(1, 120)
        self.form_labels = [QLabel() for _ in range(5)]
        for label, widget in zip(self.form_labels, (self.tiers_edit, self.mode_combo, self.thresholds_edit,
                                                    self.shares_edit, self.window_spin), strict=True):
            form.addRow(label, widget)
        self.form = form
        editor.addLayout(form)

        self.criteria_title = QLabel()
        self.criteria_title.setObjectName("sectionTitle")
        editor.addWidget(self.criteria_title)
        self.criteria = QTableWidget(0, 5)
        self.criteria.setObjectName("criteriaTable")
        self.criteria.verticalHeader().hide()
        self.criteria.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                      | QAbstractItemView.EditTrigger.EditKeyPressed
                                      | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.criteria.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_BANDS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_LABEL, 130), (COL_METRIC, 150), (COL_WEIGHT, 56), (COL_MISSING, 76)):
            self.criteria.setColumnWidth(column, width)
        # Long band lines wrap onto a second line instead of hiding their last bands.
        self.criteria.setWordWrap(True)
        self.criteria.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        editor.addWidget(self.criteria, 1)
        self.bands_hint = QLabel()
        self.bands_hint.setObjectName("mutedText")
        self.bands_hint.setWordWrap(True)
        editor.addWidget(self.bands_hint)

        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.save_button = QPushButton()
        self.save_new_button = QPushButton()
        self.activate_button = QPushButton()
        self.activate_button.setObjectName("primaryButton")
        for button in (self.add_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.save_button, self.save_new_button, self.activate_button):
            buttons.addWidget(button)
        editor.addLayout(buttons)

        # --- preview ---
        preview = QFrame()
        preview.setObjectName("previewCard")
        preview.setStyleSheet("QFrame#previewCard { background: #f9fafb; border: 1px solid #e5e7eb;"
                              " border-radius: 8px; }")
        preview_layout = QVBoxLayout(preview)
        self.preview_title = QLabel()
        self.preview_title.setObjectName("sectionTitle")
        self.preview_status = QLabel()
        self.preview_status.setObjectName("previewStatus")
        self.preview_status.setWordWrap(True)
        self.preview_chart = BarChart()
        self.preview_chart.setMinimumHeight(220)
        self.migration_title = QLabel()
        self.migration_title.setObjectName("mutedText")
        self.migration_title.setWordWrap(True)
        self.migration = MigrationTable()
        self.migration.setMinimumHeight(150)
        for widget in (self.preview_title, self.preview_status, self.preview_chart, self.migration_title):
            preview_layout.addWidget(widget)
        preview_layout.addWidget(self.migration, 1)
        layout.addWidget(preview, 2)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.run_preview)
        self.model_combo.currentIndexChanged.connect(self._on_model_chosen)
        for edit in (self.tiers_edit, self.thresholds_edit, self.shares_edit):
            edit.textEdited.connect(self._changed)
        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        self.window_spin.valueChanged.connect(self._changed)
        self.criteria.itemChanged.connect(self._changed)
        self.add_button.clicked.connect(self.add_criterion)
        self.remove_button.clicked.connect(self.remove_criterion)
        self.save_button.clicked.connect(self.save)
        self.save_new_button.clicked.connect(self.save_as_new)
        self.activate_button.clicked.connect(self.activate)
        self.retranslate()
        self.reload_models()

    # --- loading a model into the form ---------------------------------------------------------

    def reload_models(self, select_id: int | None = None) -> None:
        # A handful of rows: read at once (the first call creates the default model if none exists).
        self.models = self.context.operations.read_now(model_summaries)
        current = select_id if select_id is not None else next((m.id for m in self.models if m.active), None)
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for model in self.models:
            self.model_combo.addItem(self._model_title(model), model.id)
        index = max(self.model_combo.findData(current), 0)
        self.model_combo.setCurrentIndex(index)
        self.model_combo.blockSignals(False)
        self._load(self.selected_model())

    def _model_title(self, model) -> str:
        title = f"{model.name}  (v{model.version})"
        return title + "  ✓" if model.active else title

    def selected_model(self):
        model_id = self.model_combo.currentData()
        return next((m for m in self.models if m.id == model_id), None)

    def _on_model_chosen(self, _index: int) -> None:
        self._load(self.selected_model())

    def _load(self, model) -> None:
        self.base = copy.deepcopy(model.definition) if model is not None else default_definition()
        self._loading = True
        definition = self.base
        grading = definition.get("grading") or {}
        self.tiers_edit.setText(", ".join(definition.get("tiers") or []))
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(grading.get("mode", "thresholds")), 0))
        self.thresholds_edit.setText(", ".join(f"{float(t):g}" for t in grading.get("thresholds") or []))
        self.shares_edit.setText(", ".join(f"{float(s) * 100:g}%" for s in grading.get("shares") or []))
        self.window_spin.setValue(int(definition.get("window_months", 12)))
        self.criteria.setRowCount(0)
        for criterion in definition.get("criteria") or []:
            self._append_row(criterion)
        self._loading = False
        self._update_mode_fields()
        self.dirty = False
        active = model is not None and model.active
        self.active_label.setText(self.tr("active") if active else self.tr("not active"))
        self.activate_button.setEnabled(not active)
        self.run_preview()

    def _append_row(self, criterion: dict) -> None:
        row = self.criteria.rowCount()
        self.criteria.insertRow(row)
        label = criterion.get("label") or {}
        if isinstance(label, str):
            label = {"zh": label, "en": label}
        text = label.get("zh" if current_language() == "zh" else "en") or label.get("zh") or criterion.get("key", "")
        label_item = QTableWidgetItem(text)
        label_item.setData(0x0100, copy.deepcopy(criterion))  # Qt.UserRole: the criterion as stored
        self.criteria.setItem(row, COL_LABEL, label_item)
        metric = QComboBox()
        for key, spec in METRICS.items():
            metric.addItem(spec.label.text(), key)
        metric.setCurrentIndex(max(metric.findData(criterion.get("metric")), 0))
        metric.currentIndexChanged.connect(lambda _i, combo=metric: self._metric_changed(combo))
        self.criteria.setCellWidget(row, COL_METRIC, metric)
        self.criteria.setItem(row, COL_WEIGHT, QTableWidgetItem(f"{float(criterion.get('weight', 1)):g}"))
        self.criteria.setItem(row, COL_BANDS, QTableWidgetItem(bands_text(criterion)))
        self.criteria.setItem(row, COL_MISSING, QTableWidgetItem(f"{float(criterion.get('missing_points', 0)):g}"))

    def _metric_changed(self, _combo: QComboBox) -> None:
        self._changed()

    # --- editing -------------------------------------------------------------------------------

    def _on_mode(self, _index: int) -> None:
        self._update_mode_fields()
        self._changed()

    def _update_mode_fields(self) -> None:
        share = self.mode_combo.currentData() == "share"
        self.thresholds_edit.setEnabled(not share)
        self.shares_edit.setEnabled(share)

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        self.dirty = True
        self.preview_status.setText(self.tr("Previewing…"))
        self._timer.start()  # restarts: the preview waits until the typing pauses

    def add_criterion(self) -> None:
        key = f"criterion_{self.criteria.rowCount() + 1}"
        self._append_row({"key": key, "label": {"zh": "新标准", "en": "New criterion"}, "metric": "purchase_count",
                          "weight": 10, "bands": [{"min": 1, "points": 100}, {"points": 0}]})
        self._changed()

    def remove_criterion(self) -> None:
        row = self.criteria.currentRow()
        if row >= 0:
            self.criteria.removeRow(row)
            self._changed()

    def definition(self) -> dict:
        """The model as the form shows it (raises ValidationError naming the place at fault)."""
        result = copy.deepcopy(self.base)
        tiers = parse_tier_names(self.tiers_edit.text())
        result["tiers"] = tiers
        grading = dict(result.get("grading") or {})
        grading["mode"] = self.mode_combo.currentData()
        grading["thresholds"] = parse_numbers(self.thresholds_edit.text(), Message("分数线", "thresholds"))
        grading["shares"] = [str(round(s, 6)) for s in
                             parse_numbers(self.shares_edit.text(), Message("比例", "shares"))]
        result["grading"] = grading
        result["window_months"] = self.window_spin.value()
        criteria = []
        for row in range(self.criteria.rowCount()):
            stored = copy.deepcopy(self.criteria.item(row, COL_LABEL).data(0x0100) or {})
            place = Message(f"第 {row + 1} 项标准", f"criterion {row + 1}")
            label = dict(stored.get("label") or {}) if isinstance(stored.get("label"), dict) else {}
            label["zh" if current_language() == "zh" else "en"] = self.criteria.item(row, COL_LABEL).text().strip()
            stored["label"] = label
            stored.setdefault("key", f"criterion_{row + 1}")
            metric = self.criteria.cellWidget(row, COL_METRIC).currentData()
            stored["metric"] = metric
            stored["weight"] = _number(self.criteria.item(row, COL_WEIGHT).text(), place)
            stored["missing_points"] = _number(self.criteria.item(row, COL_MISSING).text(), place)
            try:
                stored["bands"] = parse_bands(self.criteria.item(row, COL_BANDS).text(),
                                              METRICS[metric].unit == "money")
            except ValidationError as error:
                raise ValidationError(f"{place.zh}：{error.message.zh}", f"{place.en}: {error.message.en}",
                                      field="bands") from None
            criteria.append(stored)
        result["criteria"] = criteria
        return result

    # --- preview -------------------------------------------------------------------------------

    def run_preview(self) -> None:
        self._timer.stop()
        self._serial += 1
        serial = self._serial
        try:
            definition = self.definition()
        except AccountDeskError as error:
            self._show_problem(error)
            return
        today = self.context.today()

        def done(report) -> None:
            if serial == self._serial:
                self._show_preview(report, definition)

        def failed(error: BaseException) -> None:
            if serial == self._serial:
                self._show_problem(error)

        self.preview_status.setText(self.tr("Previewing…"))
        self.context.operations.read(lambda session: preview_model(session, definition, today), done, failed,
                                     label=self.tr("Previewing the tiers…"))

    def _show_problem(self, error: BaseException) -> None:
        self.last_preview = None
        self.preview_status.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.preview_status.setText(error_text(error))

    def _show_preview(self, report, definition: dict) -> None:
        self.last_preview = report
        self._preview_definition = definition
        self.preview_status.setStyleSheet("")
        current = {old: sum(row.values()) for old, row in report.matrix.items()}
        bars = []
        for tier, count in report.counts.items():
            change = count - current.get(tier, 0)
            sign = "+" if change > 0 else ("−" if change < 0 else "±")
            bars.append(Bar(tier_text(tier), count, tier_color(tier).name(), f"{count:,}\n{sign}{abs(change):,}"))
        self.preview_chart.set_bars(bars, headroom=0.3)
        moved = len(report.changes)
        self.preview_status.setText(
            self.tr("%Ln customer(s) graded; %1 would change tier (%2 locked).", "", report.customers)
            .replace("%1", f"{moved:,}").replace("%2", f"{report.locked:,}"))
        order = list(definition.get("tiers") or [])
        tiers = order + sorted({t for row in report.matrix for t in (row, *report.matrix[row])} - set(order),
                               key=lambda t: (t in ("-", "—"), t))
        self.migration.show_matrix(PreviewMatrix(tiers, report.matrix))

    # --- storing -------------------------------------------------------------------------------

    def _checked_definition(self) -> dict | None:
        try:
            return self.definition()
        except AccountDeskError as error:
            self.context.dialogs.warn(self, self.tr("Scoring model"), error_text(error))
            return None

    def save(self) -> None:
        model = self.selected_model()
        definition = self._checked_definition()
        if model is None or definition is None:
            return
        # Saving a changed active sheet leaves every stored tier from the old one: offer to re-grade.
        regrade_after = model.active and definition != self.base

        def stored(model_id: int) -> None:
            self._stored(model_id, self.tr("Saved the scoring model."))
            if regrade_after:
                self.offer_regrade(self.tr("The active scoring sheet has changed"))

        self.context.operations.mutate(
            lambda session: save_model(session, model.name, definition, model_id=model.id).id,
            stored, self._store_failed, initiator=self, label=self.tr("Saving the scoring model…"),
            changes=Changes(settings=True, tiers=True))

    def save_as_new(self) -> None:
        definition = self._checked_definition()
        if definition is None:
            return
        name = self.context.dialogs.get_text(self, self.tr("Save as a new model"), self.tr("Name of the new model:"))
        if not name:
            return
        self.context.operations.mutate(
            lambda session: save_model(session, name, definition).id,
            lambda model_id: self._stored(model_id, self.tr("Saved as a new model.")),
            self._store_failed, initiator=self, label=self.tr("Saving the scoring model…"),
            changes=Changes(settings=True))

    def activate(self) -> None:
        model = self.selected_model()
        if model is None:
            return
        if self.dirty and not self.context.dialogs.ask(
                self, self.tr("Activate"), self.tr("The changes on screen are not saved. Activate the model as "
                                                   "it was saved?")):
            return
        self.context.operations.mutate(
            lambda session: activate_model(session, model.id, reason="设置页面 / settings").id,
            self._activated, self._store_failed, initiator=self, label=self.tr("Activating…"),
            changes=Changes(settings=True, tiers=True))

    def _activated(self, model_id: int) -> None:
        self._stored(model_id, self.tr("The model is now active."))
        self.offer_regrade(self.tr("Another scoring sheet is now active"))

    def offer_regrade(self, reason: str) -> None:
        """Preview a re-grade with the active sheet as stored (who moves between which tiers) and
        apply it if the manager says so; until then the tier board says its tiers are older."""
        today = self.context.today()

        def shown(report) -> None:
            dialog = RegradeDialog(report, list(report.counts), self, intro=reason + " — " + self.tr(
                "re-grade every customer now, so the tiers follow it? Until then the tiers stay as they are."))
            dialog.accepted.connect(lambda: self._apply_regrade(today))
            dialog.rejected.connect(lambda: self.context.hub.status_message.emit(
                self.tr("Not re-graded: the tiers stay those of the previous sheet until a re-grade.")))
            self.regrade_dialog = dialog
            dialog.open()

        self.context.operations.read(lambda session: regrade_all(session, today, dry_run=True), shown,
                                     self._store_failed, label=self.tr("Re-grade preview"))

    def _apply_regrade(self, today) -> None:
        def work(session, task):
            if task is not None:
                task.progress(0, 0, self.tr("Re-grading every customer…"))
            return regrade_all(session, today).summary()

        self.context.operations.mutate(
            work, lambda summary: self.context.hub.status_message.emit(str(summary)), self._store_failed,
            initiator=self, label=self.tr("Re-grading…"), progress=True)

    def _stored(self, model_id: int, message: str) -> None:
        self.reload_models(select_id=model_id)
        self.context.hub.status_message.emit(message)

    def _store_failed(self, error: BaseException) -> None:
        self.context.dialogs.error(self, self.tr("Scoring model"), error_text(error))

    # --- language ------------------------------------------------------------------------------

    def _fit_metric_column(self) -> None:
        """The metric column as wide as its longest name in the language in use (the bands take the rest)."""
        metrics = self.criteria.fontMetrics()
        widest = max(metrics.horizontalAdvance(spec.label.text()) for spec in METRICS.values())
        self.criteria.setColumnWidth(COL_METRIC, max(150, widest + 44))

    def retranslate(self) -> None:
        self._fit_metric_column()
        self.model_label.setText(self.tr("Model:"))
        self.mode_combo.setItemText(0, self.tr("By score thresholds"))
        self.mode_combo.setItemText(1, self.tr("By share of customers"))
        for label, text in zip(self.form_labels, (self.tr("Tier names (best first):"), self.tr("Grading:"),
                                                  self.tr("Score thresholds:"), self.tr("Shares per tier:"),
                                                  self.tr("Window (months):")), strict=True):
            label.setText(text)
        self.tiers_edit.setPlaceholderText(self.tr("e.g. A, B, C"))
        self.thresholds_edit.setPlaceholderText(self.tr("lowest score of each tier but the last, e.g. 75, 50"))
        self.shares_edit.setPlaceholderText(self.tr("e.g. 20%, 30%, 50%"))
        self.criteria_title.setText(self.tr("Criteria"))
        self.criteria.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Metric"), self.tr("Weight"),
                                                 self.tr("Bands → points"), self.tr("If unknown")])
        for row in range(self.criteria.rowCount()):
            combo = self.criteria.cellWidget(row, COL_METRIC)
            for index in range(combo.count()):
                combo.setItemText(index, METRICS[combo.itemData(index)].label.text())
        self.bands_hint.setText(self.tr("Bands: “≥12 → 100; ≥6 → 80; * → 0” — at least, at most (≤), a range "
                                        "(1–5) or anything else (*); the first band that fits gives the points. "
                                        "Money in yuan."))
        self.add_button.setText(self.tr("Add criterion"))
        self.remove_button.setText(self.tr("Remove criterion"))
        self.save_button.setText(self.tr("Save"))
        self.save_new_button.setText(self.tr("Save as new model…"))
        self.activate_button.setText(self.tr("Activate"))
        self.preview_title.setText(self.tr("Preview: tiers with this model"))
        self.preview_chart.set_title(self.tr("Customers per tier"), self.tr("Under each count: the change from now"))
        self.preview_chart.set_empty_text(self.tr("No customers to grade yet"))
        self.migration_title.setText(self.tr("Rows: tier now; columns: tier with this model."))
        model = self.selected_model()
        if model is not None:
            self.active_label.setText(self.tr("active") if model.active else self.tr("not active"))
        if self.last_preview is not None:
            self._show_preview(self.last_preview, self._preview_definition)

package org.dafu.figure.web;

import org.dafu.figure.FigureQueries;
import org.dafu.figure.LineChart;
import org.dafu.figure.MeasurementService;
import org.dafu.figure.Numbers;
import org.dafu.figure.ProgressRule;
import org.dafu.figure.StatusSummary;
import org.dafu.figure.TargetView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dafu.access.AccessPolicy;
import org.dafu.access.Viewer;
import org.dafu.figure.FigureQueries.Breakdown;
import org.dafu.figure.FigureQueries.MeasurementView;
import org.dafu.platform.web.NotFoundException;
import org.dafu.platform.web.Paging;
import org.dafu.proposal.ProposalService;
import org.dafu.stats.BarChart;
import org.dafu.stats.SeriesChart;
import org.dafu.unit.UnitService;
import org.dafu.unit.UnitView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The public figures dashboard and each figure's page. */
@Controller
class FigureController {

	static final String DASHBOARD_VIEW = "figure/dashboard";

	static final String DETAIL_VIEW = "figure/detail";

	private final FigureQueries figures;

	private final MeasurementService measurements;

	private final UnitService units;

	private final ProposalService proposals;

	private final AccessPolicy access;

	private final MessageSource messages;

	FigureController(FigureQueries figures, MeasurementService measurements, UnitService units,
			ProposalService proposals, AccessPolicy access, MessageSource messages) {
		this.figures = figures;
		this.measurements = measurements;
		this.units = units;
		this.proposals = proposals;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/figures")
	String dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) Long topic, @RequestParam(required = false) Integer page, Locale locale,
			Model model) {
		Viewer viewer = this.access.currentViewer();
		FigureQueries.Filter filter = new FigureQueries.Filter(blankToNull(region), unit, topic);
		FigureQueries.Dashboard dashboard = this.figures.dashboard(viewer, filter, Paging.of(page, null));
		List<UnitView> unitList = this.units.units();
		Map<Long, String> unitNames = new HashMap<>();
		unitList.forEach((u) -> unitNames.put(u.id(), u.name()));
		StatusSummary summary = dashboard.summary();
		model.addAttribute("page", dashboard.page());
		model.addAttribute("summary", summary);
		model.addAttribute("statuses", StatusSummary.ORDER);
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("unitChart", summary.isEmpty() ? null : statusChart("figure.summary.chart.unit",
				summary.byUnit(), (k) -> unitNames.getOrDefault((Long) k, String.valueOf(k)), locale));
		model.addAttribute("regionChart",
				summary.isEmpty() ? null : statusChart("figure.summary.chart.region", summary.byRegion(),
						(k) -> "".equals(k) ? msg("figure.region.all", locale) : String.valueOf(k), locale));
		model.addAttribute("filter", filter);
		model.addAttribute("regions", this.figures.regions(viewer));
		model.addAttribute("units", unitList);
		model.addAttribute("topics", this.proposals.topics());
		model.addAttribute("breakdowns", this.figures.breakdowns(viewer, 20));
		return DASHBOARD_VIEW;
	}

	@GetMapping("/figures/{id:[0-9]{1,18}}")
	String detail(@PathVariable long id, Locale locale, Model model) {
		Viewer viewer = this.access.currentViewer();
		TargetView figure = this.figures.figure(viewer, id).orElseThrow(() -> new NotFoundException("figure", id));
		List<MeasurementView> history = figure.isTarget() ? this.figures.history(id) : List.of();
		model.addAttribute("figure", figure);
		model.addAttribute("history", history);
		model.addAttribute("chart", figure.isTarget() ? lineChart(figure, history, locale) : null);
		model.addAttribute("replies", this.figures.statingReplies(viewer, figure));
		Breakdown breakdown = this.figures.breakdown(id);
		model.addAttribute("breakdown", breakdown);
		model.addAttribute("breakdownChart",
				breakdown.isChartable() ? breakdownChart(figure, breakdown, locale) : null);
		model.addAttribute("canRecord", this.measurements.canRecord(viewer, id));
		model.addAttribute("canRequest", viewer.isCoordinator() && figure.isTarget());
		return DETAIL_VIEW;
	}

	private LineChart lineChart(TargetView figure, List<MeasurementView> history, Locale locale) {
		List<ProgressRule.Point> points = new ArrayList<>();
		if (figure.baseline() != null
				&& (history.isEmpty() || figure.baseline().on().isBefore(history.get(0).measuredOn()))) {
			points.add(figure.baseline());
		}
		history.forEach((m) -> points.add(new ProgressRule.Point(m.measuredOn(), m.value())));
		String values = points.stream()
			.map((p) -> p.on() + " " + Numbers.plain(p.value()) + figure.unit())
			.collect(Collectors.joining(msg("figure.chart.separator", locale)));
		String deadline = (figure.deadlineYear() != null) ? String.valueOf(figure.deadlineYear()) : "—";
		String description = msg("figure.chart.history.desc", locale, figure.subject(),
				values.isEmpty() ? msg("figure.chart.none", locale) : values, figure.valueText() + figure.unit(),
				deadline);
		return LineChart.of(points, figure.value(), ProgressRule.deadline(figure.deadlineYear()), figure.unit(),
				description);
	}

	/**
	 * Colours of the statuses, in {@link StatusSummary#ORDER} (each 3:1 or more on
	 * white).
	 */
	static final List<String> STATUS_COLOURS = List.of("#1a7f37", "#0b57a4", "#b42318", "#6e7781");

	/** At most this many units or regions are drawn; the table lists them all. */
	static final int CHART_ROWS = 12;

	private SeriesChart statusChart(String titleKey, List<StatusSummary.Row> rows, Function<Object, String> label,
			Locale locale) {
		List<SeriesChart.Series> series = new ArrayList<>();
		for (int i = 0; i < StatusSummary.ORDER.size(); i++) {
			series.add(new SeriesChart.Series(msg("figure.status." + StatusSummary.ORDER.get(i).name(), locale),
					STATUS_COLOURS.get(i)));
		}
		List<SeriesChart.Item> items = rows.stream().limit(CHART_ROWS).map((r) -> {
			List<BigDecimal> values = StatusSummary.ORDER.stream().map((s) -> BigDecimal.valueOf(r.count(s))).toList();
			List<String> texts = StatusSummary.ORDER.stream().map((s) -> String.valueOf(r.count(s))).toList();
			return new SeriesChart.Item(msg("figure.summary.row", locale, label.apply(r.key()), r.targets()), values,
					texts);
		}).toList();
		String title = msg(titleKey, locale);
		String description = items.stream().map((i) -> {
			StringBuilder text = new StringBuilder(i.label());
			for (int k = 0; k < series.size(); k++) {
				text.append(' ').append(series.get(k).name()).append(' ').append(i.texts().get(k));
			}
			return text.toString();
		}).collect(Collectors.joining(msg("figure.chart.separator", locale)));
		return SeriesChart.stacked(title, title + msg("figure.chart.colon", locale) + description, series, items);
	}

	private BarChart breakdownChart(TargetView figure, Breakdown breakdown, Locale locale) {
		List<BarChart.Item> items = breakdown.parts()
			.stream()
			.map((p) -> new BarChart.Item(p.region(), p.value(), Numbers.plain(p.value()) + figure.unit()))
			.toList();
		String title = msg("figure.breakdown.chart", locale, figure.subject());
		String description = items.stream()
			.map((i) -> i.label() + " " + i.valueText())
			.collect(Collectors.joining(msg("figure.chart.separator", locale)));
		return BarChart.of(title, title + msg("figure.chart.colon", locale) + description, items);
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}

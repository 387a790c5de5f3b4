package org.dafu.letter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds regional breakdowns and checks that their parts add up.
 *
 * <p>
 * A breakdown is a total followed by at least two parts in the same unit that name a
 * region (全市204.22万千瓦，其中柯城31.27万千瓦，衢江…), or a sentence that opens with 从…看 / 分…看 and
 * holds only regional parts, whose total is the last figure in the same unit earlier in
 * the paragraph (已有7个项目。…从区块看，柯城区1个，衢江区3个…). A bare number among the parts is a part
 * whose region is missing.
 *
 * <p>
 * The sum is compared with the total only when the list is complete: all of Quzhou's six
 * counties are accounted for, or the sentence announces a breakdown (从…看, 分别为). A partial
 * list (其中 A、B) is only flagged when its parts exceed the total. Rounding is allowed for:
 * half a unit of the last written decimal per part.
 */
final class Breakdowns {

	private static final Pattern VIEWPOINT = Pattern.compile("^(?:从|分)[^，,。]{1,10}(?:看|来看)[，,]");

	private Breakdowns() {
	}

	static void check(int section, String sentence, List<FigureExtractor.Figure> figures,
			List<FigureExtractor.Figure> earlier, List<LetterWarning> warnings) {
		boolean viewpoint = VIEWPOINT.matcher(sentence).find();
		figures.forEach((figure) -> figure.inViewpoint = viewpoint);
		if (viewpoint && figures.size() >= 2 && figures.stream().allMatch(Breakdowns::isPart) && regional(figures) >= 2
				&& sameUnit(figures, figures.get(0).unit)) {
			for (int i = earlier.size() - 1; i >= 0; i--) {
				FigureExtractor.Figure total = earlier.get(i);
				if (total.unit.equals(figures.get(0).unit) && !isPart(total) && !total.inViewpoint
						&& total.region == null) {
					check(section, total, figures, true, warnings);
					return;
				}
			}
			return;
		}
		int i = 0;
		while (i < figures.size()) {
			FigureExtractor.Figure total = figures.get(i);
			int j = i + 1;
			while (j < figures.size() && isPart(figures.get(j)) && figures.get(j).unit.equals(total.unit)) {
				j++;
			}
			List<FigureExtractor.Figure> parts = figures.subList(i + 1, j);
			if (!isPart(total) && total.subject != null && !total.subject.isEmpty()
					&& (total.region == null || !Regions.QUZHOU_COUNTIES.contains(total.region)) && parts.size() >= 2
					&& regional(parts) >= 2) {
				boolean announced = viewpoint || sentence.contains("分别为") && !sentence.contains("其中");
				check(section, total, parts, announced, warnings);
				i = j;
			}
			else {
				i++;
			}
		}
	}

	private static void check(int section, FigureExtractor.Figure total, List<FigureExtractor.Figure> parts,
			boolean announced, List<LetterWarning> warnings) {
		Set<String> counties = new HashSet<>();
		int missing = 0;
		BigDecimal sum = BigDecimal.ZERO;
		int scale = total.value.scale();
		for (FigureExtractor.Figure part : parts) {
			if (part.subject == null || part.subject.isEmpty()) {
				part.subject = total.subject;
			}
			if (part.region == null) {
				missing++;
				warnings.add(LetterWarning.regionMissing(section, part.value.toPlainString(), part.unit,
						String.valueOf(total.subject)));
			}
			else if (Regions.QUZHOU_COUNTIES.contains(part.region)) {
				counties.add(part.region);
			}
			sum = sum.add(part.value);
			scale = Math.max(scale, part.value.scale());
		}
		boolean complete = announced
				|| counties.size() >= 3 && counties.size() + missing >= Regions.QUZHOU_COUNTIES.size();
		BigDecimal tolerance = BigDecimal.ZERO;
		if (scale > 0 || total.unit.matches("^[万亿千百].*")) {
			tolerance = new BigDecimal("0.5").movePointLeft(scale).multiply(BigDecimal.valueOf(parts.size()));
		}
		BigDecimal difference = sum.subtract(total.value);
		if (complete && difference.abs().compareTo(tolerance) > 0 || difference.compareTo(tolerance) > 0) {
			warnings.add(LetterWarning.breakdownMismatch(section, String.valueOf(total.subject),
					total.value.toPlainString(), sum.toPlainString(), total.unit));
		}
	}

	private static boolean isPart(FigureExtractor.Figure figure) {
		boolean bare = figure.subject == null || figure.subject.isEmpty();
		return bare && !figure.count;
	}

	private static int regional(List<FigureExtractor.Figure> figures) {
		return (int) figures.stream().filter((f) -> f.region != null).count();
	}

	private static boolean sameUnit(List<FigureExtractor.Figure> figures, String unit) {
		return figures.stream().allMatch((f) -> f.unit.equals(unit));
	}

}

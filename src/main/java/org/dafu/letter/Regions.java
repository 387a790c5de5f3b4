package org.dafu.letter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Region names. Quzhou's are known by name, with their short forms (柯城 for 柯城区), because
 * its letters list counties without suffix; elsewhere a 2–4 character name ending in 区, 县
 * or 市 counts as a region when it stands alone before a number.
 */
final class Regions {

	/** The county-level divisions of Quzhou, which a complete breakdown lists. */
	static final Set<String> QUZHOU_COUNTIES = Set.of("柯城区", "衢江区", "龙游县", "江山市", "常山县", "开化县");

	private static final Map<String, String> KNOWN = new LinkedHashMap<>();

	static {
		for (String county : List.of("柯城区", "衢江区", "龙游县", "江山市", "常山县", "开化县")) {
			KNOWN.put(county, county);
		}
		for (String zone : List.of("智造新城", "智慧新城", "空港新城", "高铁新城", "衢州市")) {
			KNOWN.put(zone, zone);
		}
		KNOWN.put("衢州", "衢州市");
		for (String county : List.of("柯城区", "衢江区", "龙游县", "江山市", "常山县", "开化县")) {
			KNOWN.put(county.substring(0, 2), county);
		}
	}

	private static final Pattern GENERIC = Pattern.compile("[\\p{IsHan}]{1,4}[区县市]");

	private static final Set<String> NOT_REGIONS = Set.of("市区", "城区", "园区", "社区", "景区", "山区", "辖区", "街区", "全市", "我市",
			"本市", "全区", "全县", "我县", "我区", "本区", "本县", "各县", "市县", "县市", "城市", "各区", "新区", "校区", "小区", "片区", "老城区",
			"中心城区", "主城区");

	private Regions() {
	}

	/**
	 * The region a clause starts with, in full form.
	 * @param clause the words before a number, scope words removed
	 * @return the region and its length in the clause, or {@code null}
	 */
	static Match leading(String clause) {
		for (Map.Entry<String, String> entry : KNOWN.entrySet()) {
			if (clause.startsWith(entry.getKey())) {
				return new Match(entry.getValue(), entry.getKey().length());
			}
		}
		return null;
	}

	/**
	 * Whether a whole clause is a region name, e.g. 柯城区 in 柯城区1个.
	 * @param clause the words before a number
	 * @return the region in full form, or {@code null}
	 */
	static String whole(String clause) {
		Match known = leading(clause);
		if (known != null && known.length() == clause.length()) {
			return known.region();
		}
		if (GENERIC.matcher(clause).matches() && !NOT_REGIONS.contains(clause) && !clause.startsWith("各")) {
			return clause;
		}
		return null;
	}

	record Match(String region, int length) {
	}

}

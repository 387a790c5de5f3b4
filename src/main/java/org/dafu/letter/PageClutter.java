package org.dafu.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops the web page around a letter copied from a government site: breadcrumbs (首页 >
 * 政务公开 > …), 上一篇 / 下一篇, view counters, print and close links, phone, fax and ICP lines,
 * site identifiers and 附件下载. These lines are never part of the letter, so they never
 * become figures, issuers or dates.
 */
final class PageClutter {

	private static final Pattern CLUTTER = Pattern.compile("^(?:当前位置|您现在的位置|您的位置|位置)[:：]" + "|^(?:网站)?首页\\s*[>＞»›/]"
			+ "|^[^<。，,]{0,40}\\s[>＞»›]\\s[^<。，,]{0,40}\\s[>＞»›]\\s[^<。，,]{0,40}$" + "|^(?:上一篇|下一篇|上一条|下一条)[:：]?"
			+ "|(?:浏览|阅读|访问|点击)(?:次数|量|数)?\\s*[:：]\\s*\\d+"
			+ "|^[【\\[](?:打印|关闭|收藏|分享|字体|字号)|^(?:打印|关闭|收藏|分享)(?:本页|此页|窗口)?\\s*$|^字号[:：]"
			+ "|(?:ICP|icp)\\s*备|公网安备|网站标识码|^(?:联系电话|电话|传真|邮编|地址|主办单位|承办|技术支持|网站地图)[:：]\\s*[0-9（(\\-]"
			+ "|^联系人[:：]|^(?:技术支持|网站地图|版权所有|Copyright)|^主办[:：]"
			+ "|^附件(?:下载)?[:：]?\\s*$|^附件下载|\\.(?:doc|docx|pdf|wps)\\s*$"
			+ "|^(?:来源|发布时间|发布日期|信息来源)[:：].*(?:浏览|点击|来源|字号)");

	private PageClutter() {
	}

	static boolean isClutter(String line) {
		return CLUTTER.matcher(line).find();
	}

	static List<String> strip(List<String> lines) {
		List<String> kept = new ArrayList<>(lines.size());
		for (String line : lines) {
			if (!isClutter(line)) {
				kept.add(line);
			}
		}
		return kept;
	}

}

package org.dafu.reply;

/**
 * A reply as plain lines of text, one fact per line, so that the line diff between two
 * revisions shows exactly what changed.
 */
final class ReplySnapshot {

	private ReplySnapshot() {
	}

	static String render(ReplyView reply) {
		StringBuilder out = new StringBuilder();
		line(out, "状态", reply.status().name());
		line(out, "索引号", reply.indexNumber());
		line(out, "成文日期", reply.writtenOn());
		line(out, "签发日期", reply.signedOn());
		line(out, "公开方式", reply.disclosureMode().chinese());
		line(out, "不公开理由", reply.disclosureReason());
		line(out, "组配分类", reply.catalogCategory());
		line(out, "办理结果", reply.resultClass());
		line(out, "称谓", reply.addressee());
		line(out, "开头", reply.opening());
		for (ReplyView.SectionView section : reply.sections()) {
			line(out, "第" + section.ordinal() + "节 " + section.kind().name(), section.heading());
			for (String paragraph : section.paragraphs()) {
				out.append("  ").append(paragraph).append('\n');
			}
			for (ReplyView.FigureView figure : section.figures()) {
				FigureContent f = figure.content();
				out.append("  [指标] ")
					.append(f.kind().name())
					.append(' ')
					.append(f.subject())
					.append(' ')
					.append((f.comparator() != null) ? f.comparator() + " " : "")
					.append(f.value().stripTrailingZeros().toPlainString())
					.append(f.unit())
					.append((f.period() != null) ? " 期间 " + f.period() : "")
					.append((f.deadlineYear() != null) ? " 到 " + f.deadlineYear() : "")
					.append((f.region() != null) ? " 地区 " + f.region() : "")
					.append((f.growthRate() != null)
							? " 同比 " + f.growthRate().stripTrailingZeros().toPlainString() + "%" : "")
					.append((f.rank() != null) ? " 排名 " + f.rank() : "")
					.append((f.taskShare() != null)
							? " 完成年度任务 " + f.taskShare().stripTrailingZeros().toPlainString() + "%" : "")
					.append('\n');
				if (f.sourceSentence() != null) {
					line(out, "  [原文]", f.sourceSentence());
				}
			}
		}
		line(out, "结束语", reply.closing());
		line(out, "署名", reply.issuer());
		line(out, "签发人", reply.signerName());
		return out.toString();
	}

	private static void line(StringBuilder out, String label, Object value) {
		if (value == null) {
			return;
		}
		String text = value.toString().replace("\r", "");
		for (String part : text.split("\n")) {
			out.append(label).append("：").append(part).append('\n');
		}
	}

}

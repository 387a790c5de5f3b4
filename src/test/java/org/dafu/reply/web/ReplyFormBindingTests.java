package org.dafu.reply.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestDataBinder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's form is read by plain code ({@link ReplyFormBinding}), not by Spring's
 * constructor binding: both must give the same form for what a browser, a script or a
 * mistake may send.
 */
class ReplyFormBindingTests {

	@Test
	void theFormAsTheEditorSendsIt() {
		Map<String, List<String>> sent = letter();
		assertSame(sent);
		ReplyForm form = ReplyFormBinding.read(parameters(sent));
		assertThat(form.sections()).hasSize(2);
		assertThat(form.sections().get(0).figures()).hasSize(2);
		assertThat(form.sections().get(0).figures().get(1).value()).isEqualTo("1.8");
		assertThat(form.sections().get(1).body()).isEqualTo("第二段\n第三段");
	}

	@Test
	void missingFieldsGapsInIndexesAndRepeatedFields() {
		Map<String, List<String>> sent = letter();
		sent.remove("closing");
		sent.remove("sections[0].figures[0].unit");
		sent.put("sections[0].figures[5].subject", List.of("跳号的指标"));
		sent.put("sections[3].heading", List.of("跳号的一节"));
		sent.put("addressee", List.of("张三", "李四"));
		sent.put("sections[01].body", List.of("前导零"));
		sent.put("unknown", List.of("?"));
		assertSame(sent);
		ReplyForm form = ReplyFormBinding.read(parameters(sent));
		assertThat(form.addressee()).isEqualTo("张三,李四");
		assertThat(form.closing()).isEmpty();
		assertThat(form.sections()).hasSize(3);
	}

	@Test
	void anIndexThatIsNoNumberOrNamesNoFieldIsLeftOut() {
		// Spring's binding failed on the first (NumberFormatException: a 500) and called
		// the second a type mismatch; neither is anything the editor sends, and both are
		// ignored as unknown fields are
		Map<String, List<String>> sent = letter();
		sent.put("sections[x].body", List.of("不是数字"));
		sent.put("sections[2]", List.of("没有字段"));
		ReplyForm form = ReplyFormBinding.read(parameters(sent));
		sent.remove("sections[x].body");
		sent.remove("sections[2]");
		assertThat(form).isEqualTo(ReplyFormBinding.read(parameters(sent)));
	}

	@Test
	void noSectionsAtAll() {
		Map<String, List<String>> sent = new LinkedHashMap<>();
		sent.put("version", List.of("3"));
		assertSame(sent);
		assertSame(new LinkedHashMap<>());
	}

	private static void assertSame(Map<String, List<String>> sent) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/workspace/unit/replies/1");
		sent.forEach((name, values) -> request.addParameter(name, values.toArray(String[]::new)));
		ServletRequestDataBinder spring = new ServletRequestDataBinder(null, ReplyFormBinding.NAME);
		spring.setTargetType(ResolvableType.forClass(ReplyForm.class));
		spring.construct(request);
		assertThat(spring.getBindingResult().getAllErrors()).isEmpty();
		assertThat(ReplyFormBinding.read(request.getParameterMap())).isEqualTo(spring.getTarget());
	}

	private static Map<String, String[]> parameters(Map<String, List<String>> sent) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		sent.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
		return parameters;
	}

	private static Map<String, List<String>> letter() {
		Map<String, List<String>> f = new LinkedHashMap<>();
		f.put("version", List.of("7"));
		f.put("writtenOn", List.of("2024-05-01"));
		f.put("signedOn", List.of(""));
		f.put("disclosureMode", List.of("PROACTIVE"));
		f.put("disclosureReason", List.of(""));
		f.put("catalogCategory", List.of("建议提案办理"));
		f.put("addressee", List.of("王代表："));
		f.put("opening", List.of("您提出的建议收悉。\r\n现答复如下："));
		f.put("closing", List.of("感谢您的关心。"));
		f.put("issuer", List.of("某某局"));
		f.put("resultClass", List.of("A"));
		f.put("sections[0].kind", List.of("RESPONSE"));
		f.put("sections[0].heading", List.of(" 关于产业 "));
		f.put("sections[0].body", List.of("第一段"));
		for (int j = 0; j < 2; j++) {
			String q = "sections[0].figures[" + j + "].";
			f.put(q + "subject", List.of("指标" + j));
			f.put(q + "value", List.of((j == 0) ? "12" : "1.8"));
			f.put(q + "unit", List.of("万元"));
			f.put(q + "kind", List.of("TARGET"));
			f.put(q + "comparator", List.of(""));
			f.put(q + "period", List.of("1—6月"));
			f.put(q + "deadlineYear", List.of("2025"));
			f.put(q + "region", List.of(""));
			f.put(q + "growthRate", List.of("3.5"));
			f.put(q + "rank", List.of(""));
			f.put(q + "taskShare", List.of(""));
			f.put(q + "sourceSentence", List.of("原文。"));
		}
		f.put("sections[1].kind", List.of("NEXT_STEPS"));
		f.put("sections[1].heading", List.of("下一步"));
		f.put("sections[1].body", List.of("第二段\r\n第三段"));
		return f;
	}

}

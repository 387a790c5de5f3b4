package org.dafu.demo;

import org.dafu.access.Viewer;
import org.dafu.testing.AsViewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Demo mode loads the real Quzhou letter through the letter parser: its page by 索引号 shows
 * every section heading and its figures; the fictitious on-request letter stays hidden
 * from the public.
 */
@SpringBootTest(properties = "dafu.demo.enabled=true")
@AutoConfigureMockMvc
class DemoDataTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoDataLoader loader;

	@Test
	void theSampleLetterIsServedByItsIndexNumberWithAllSixSections() throws Exception {
		this.mvc.perform(get("/replies/index/11330800002618015K/2022-137066"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一、关于统筹产业发展,增创区域特色产业竞争新优势")))
			.andExpect(content().string(containsString("二、关于统筹招商引资")))
			.andExpect(content().string(containsString("六、关于统筹富民惠民政策")))
			.andExpect(content().string(containsString("2062.44")))
			.andExpect(content().string(containsString("朱伟正等代表")))
			.andExpect(content().string(containsString("2022年11月6日")));
	}

	@Test
	void theOnRequestDemoLetterIsNotPublic() throws Exception {
		// Other tests share this database, so the list's first page may not show the demo
		// letters: ask for each one by its 索引号.
		this.mvc.perform(get("/replies/index/DEMO330801/2023-000012"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("关于加快发展分布式光伏推动能源绿色转型的建议")));
		this.mvc.perform(get("/replies/index/DEMO330802/2023-000031"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("关于深化个人碳账户应用场景的建议"))));
	}

	@Test
	void theFictitiousProposalsGiveListsAndStatisticsSomethingToShow() throws Exception {
		assertThat(this.jdbc.sql("""
				select distinct r.result_class from reply r join handling_unit u on u.id = r.unit_id
				where u.org_code like 'DEMO%' and r.status = 'ISSUED'""").query(String.class).list()).contains("A", "B",
				"C", "D");
		assertThat(this.jdbc.sql("""
				select count(*) from reply r join handling_unit u on u.id = r.unit_id
				where u.org_code like 'DEMO%' and r.status = 'DRAFT'""").query(Integer.class).single())
			.isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.sql("""
				select count(*) from proposal p join congress_session s on s.id = p.session_id
				where s.name = '示例市九届人大一次会议' and p.status = 'REHANDLING'""").query(Integer.class).single())
			.isEqualTo(1);
		String hidden = this.jdbc.sql("""
				select r.index_number from reply r where r.disclosure_mode = 'NOT_PUBLIC'
				and r.index_number like 'DEMO%'""").query(String.class).list().get(0);
		this.mvc.perform(get("/replies/index/" + hidden)).andExpect(status().isNotFound());
	}

	@Test
	void fictitiousProposalsHaveFictitiousDeputiesOnly() {
		assertThat(this.jdbc.sql("""
				select count(*) from proposal p where p.title like '%示例%' and (
				  p.lead_deputy_id in (select id from deputy where name = '朱伟正')
				  or exists (select 1 from proposal_cosigner c join deputy d on d.id = c.deputy_id
				             where c.proposal_id = p.id and d.name = '朱伟正'))""").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from proposal p where p.title like '%示例%'""").query(Long.class).single())
			.isGreaterThan(10);
	}

	@Test
	void theDemoDeputyReadsTheSampleAndHasAFictitiousCoSignedProposalToRate() throws Exception {
		long deputy = this.jdbc.sql("select deputy_id from account where username = 'deputy'")
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select name from deputy where id = ?").param(deputy).query(String.class).single())
			.contains("示例");
		Viewer viewer = Viewer.deputy("deputy", deputy);
		long sample = this.jdbc.sql("select proposal_id from reply where index_number = ?")
			.param(DemoDataLoader.SAMPLE_INDEX_NUMBER)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/my/proposals/{id}", sample).with(AsViewer.as(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(DemoDataLoader.SAMPLE_INDEX_NUMBER)));
		long reply = this.jdbc.sql("""
				select r.id from reply r join proposal p on p.id = r.proposal_id
				where p.lead_deputy_id = ? and p.title like '%示例%' and r.status = 'ISSUED'
				  and r.disclosure_mode = 'PROACTIVE'
				  and exists (select 1 from proposal_cosigner c where c.proposal_id = p.id)
				  and not exists (select 1 from evaluation e where e.reply_id = r.id)""")
			.param(deputy)
			.query(Long.class)
			.list()
			.get(0);
		long proposal = this.jdbc.sql("select proposal_id from reply where id = ?")
			.param(reply)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/my/proposals/{id}", proposal).with(AsViewer.as(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/my/replies/" + reply + "/evaluation")));
	}

	@Test
	void loadingAgainChangesNothing() throws Exception {
		String counts = """
				select (select count(*) from proposal) || '/' || (select count(*) from reply) || '/'
				       || (select count(*) from deputy) || '/' || (select count(*) from figure_measurement)""";
		String before = this.jdbc.sql(counts).query(String.class).single();
		this.loader.run(new DefaultApplicationArguments());
		this.loader.run(new DefaultApplicationArguments());
		assertThat(this.jdbc.sql(counts).query(String.class).single()).isEqualTo(before);
	}

}

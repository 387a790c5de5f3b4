package org.dafu.search;

import org.dafu.reply.ReplyIndex;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analyzers of the Elasticsearch/OpenSearch backend: the same chain as
 * {@link LuceneChineseAnalysis} (tokenizer {@code standard}, filters {@code cjk_width},
 * {@code lowercase}, {@code cjk_bigram}; OpenSearch has them in analysis-common).
 */
public class ElasticsearchChineseAnalysis implements ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.analyzer(ReplyIndex.CHINESE)
			.custom()
			.tokenizer("standard")
			.tokenFilters("cjk_width", "lowercase", "cjk_bigram");
	}

}

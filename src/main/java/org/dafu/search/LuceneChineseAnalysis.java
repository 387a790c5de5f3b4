package org.dafu.search;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.dafu.reply.ReplyIndex;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the Lucene backend: {@value ReplyIndex#CHINESE} cuts Chinese runs into
 * overlapping bigrams (光伏装机 → 光伏 伏装 装机), keeps a lone Chinese character as a unigram,
 * Latin words and numbers whole, lower-cased, full-width forms folded (Lucene's
 * CJKAnalyzer without its English stop words). {@link ElasticsearchChineseAnalysis} is
 * the same chain for Elasticsearch/OpenSearch.
 */
public class LuceneChineseAnalysis implements LuceneAnalysisConfigurer {

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(ReplyIndex.CHINESE)
			.custom()
			.tokenizer(StandardTokenizerFactory.NAME)
			.tokenFilter(CJKWidthFilterFactory.NAME)
			.tokenFilter(LowerCaseFilterFactory.NAME)
			.tokenFilter(CJKBigramFilterFactory.NAME);
	}

}

package org.dafu.search;

/**
 * The sample letter is found by its deputy (朱伟正), its unit (衢州市人民政府办公室), its proposal's
 * number (第4号) and its 索引号 on the OpenSearch backend too.
 */
@OpenSearchBackend
class OpenSearchSearchDemoDataTests extends SearchDemoDataTests {

}

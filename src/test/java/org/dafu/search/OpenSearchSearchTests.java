package org.dafu.search;

/**
 * The search tests on the OpenSearch backend: a real OpenSearch 2.19 node, outbox-polling
 * coordination, every search waiting for the indexing of what was committed before it.
 */
@OpenSearchBackend
class OpenSearchSearchTests extends SearchTests {

}

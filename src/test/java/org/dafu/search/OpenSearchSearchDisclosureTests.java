package org.dafu.search;

/**
 * A withdrawn reply leaves search, the API and the feeds on the OpenSearch backend too.
 */
@OpenSearchBackend
class OpenSearchSearchDisclosureTests extends SearchDisclosureTests {

}

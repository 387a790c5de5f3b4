package org.dafu.access;

import org.dafu.search.OpenSearchBackend;

/**
 * The route walk on the OpenSearch backend: every route, every role, and the probe with a
 * word that only the hidden replies hold is never found, counted or offered as a facet.
 */
@OpenSearchBackend
class OpenSearchRouteWalkTests extends RouteWalkTests {

}

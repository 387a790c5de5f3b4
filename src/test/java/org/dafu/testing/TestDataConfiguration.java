package org.dafu.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** {@code @Import(TestDataConfiguration.class)} makes {@link TestData} injectable. */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestData.class)
public class TestDataConfiguration {

}

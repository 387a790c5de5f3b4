package org.dafu.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of the public JSON API under {@code /api/v1/}: its errors are
 * {@code application/problem+json} (RFC 9457), answered by
 * {@code opendata.ApiProblemAdvice}, never the HTML error page.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonApi {

}

/** Shared infrastructure every feature may use: database, web, i18n, caches. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dafu.platform;

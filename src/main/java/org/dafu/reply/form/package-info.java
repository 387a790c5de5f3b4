/**
 * The letter's sections and figures as a form posts them: the one editor of a letter's
 * body, used by the drafting editor and by the import preview, with the one set of limits
 * ({@link org.dafu.reply.LetterLimits}). The importing feature reaches it as this named
 * interface.
 */
@NamedInterface("form")
package org.dafu.reply.form;

import org.springframework.modulith.NamedInterface;

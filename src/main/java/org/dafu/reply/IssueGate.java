package org.dafu.reply;

import java.util.Locale;
import java.util.Optional;

/**
 * A condition that must hold before a unit's reply is issued (签发). The issuing service
 * consults every bean of this type, in order, before it issues; the first refusal stops
 * the issue and is shown to the signer. Nothing is changed when a gate refuses.
 */
public interface IssueGate {

	/**
	 * Why the reply to this proposal may not be issued now, in the given locale; empty
	 * when this gate has no objection.
	 */
	Optional<String> refusal(long proposalId, Locale locale);

}

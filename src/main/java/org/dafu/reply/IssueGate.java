package org.dafu.reply;

public interface IssueGate {

	java.util.Optional<String> refusal(long proposalId, java.util.Locale locale);

}

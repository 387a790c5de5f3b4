package org.dafu.reply.web;

import java.util.Locale;

import org.dafu.congress.BodyType;
import org.dafu.congress.CongressService;
import org.dafu.proposal.ProposalService;
import org.dafu.proposal.ProposalView;
import org.dafu.reply.ReplyView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The 称谓 and 开头 a reply starts with, from its proposal: "朱伟正等代表：" (the lead deputy, 等
 * when others co-signed; 委员 for a CPPCC 提案) and "您提出的《关于…的建议》收悉。…". The letter is
 * Chinese, so the Chinese text is used whatever the editor's language.
 */
@Component
class LetterGreeting {

	private final ProposalService proposals;

	private final CongressService congress;

	private final MessageSource messages;

	LetterGreeting(ProposalService proposals, CongressService congress, MessageSource messages) {
		this.proposals = proposals;
		this.congress = congress;
		this.messages = messages;
	}

	/** The form with a blank 称谓 or 开头 filled in from the reply's proposal. */
	ReplyForm fill(ReplyForm form, ReplyView reply) {
		if (!form.addressee().isBlank() && !form.opening().isBlank()) {
			return form;
		}
		ProposalView proposal = this.proposals.proposal(reply.proposal().id());
		return form.withGreeting(addressee(proposal, reply.proposal().leadDeputyName()), opening(proposal.title()));
	}

	String addressee(ProposalView proposal, String leadName) {
		if (leadName == null || leadName.isBlank()) {
			return "";
		}
		BodyType body = this.congress.session(proposal.sessionId()).bodyType();
		boolean others = !proposal.cosignerIds().isEmpty();
		String key = "drafting.greeting.addressee." + body + (others ? ".cosigned" : "");
		return this.messages.getMessage(key, new Object[] { leadName.strip() }, Locale.SIMPLIFIED_CHINESE);
	}

	String opening(String title) {
		String bare = (title != null) ? title.strip().replaceAll("^《|》$", "") : "";
		return bare.isEmpty() ? "" : this.messages.getMessage("drafting.greeting.opening", new Object[] { bare },
				Locale.SIMPLIFIED_CHINESE);
	}

}

package org.dafu.proposal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The topic a proposal is classed under in the yearly statistics (工业经济, 城乡建设 …). */
@Entity
@Table(name = "topic_category")
public class TopicCategory {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	protected TopicCategory() {
	}

	public TopicCategory(String name) {
		if (name == null || name.isBlank()) {
			throw new ProposalRefusedException("topicCategoryId", "coordination.proposal.topicCategoryId.invalid");
		}
		this.name = name.trim();
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}

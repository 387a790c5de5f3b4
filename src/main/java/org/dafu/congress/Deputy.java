package org.dafu.congress;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A deputy (代表) of a people's congress, or a CPPCC member. */
@Entity
@Table(name = "deputy")
public class Deputy {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String delegation;

	private boolean active = true;

	@Version
	private int version;

	protected Deputy() {
	}

	public Deputy(String name, String delegation) {
		checkName(name);
		this.name = name.trim();
		this.delegation = delegation;
	}

	public void rename(String name, String delegation) {
		checkName(name);
		this.name = name.trim();
		this.delegation = delegation;
	}

	private static void checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new CongressRefusedException("name", "coordination.deputy.name.invalid");
		}
	}

	public void activate() {
		this.active = true;
	}

	public void deactivate() {
		this.active = false;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getDelegation() {
		return this.delegation;
	}

	public boolean isActive() {
		return this.active;
	}

	public int getVersion() {
		return this.version;
	}

}

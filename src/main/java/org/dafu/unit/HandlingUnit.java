package org.dafu.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A handling unit (承办单位). Its organisation code is the first part of every 索引号 it issues,
 * e.g. 11330800002618015K.
 */
@Entity
@Table(name = "handling_unit")
public class HandlingUnit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(name = "org_code")
	private String orgCode;

	private boolean active = true;

	@Version
	private int version;

	protected HandlingUnit() {
	}

	public HandlingUnit(String name, String orgCode) {
		checkName(name);
		checkCode(orgCode);
		this.name = name.trim();
		this.orgCode = orgCode;
	}

	public void rename(String name) {
		checkName(name);
		this.name = name.trim();
	}

	/**
	 * Name and organisation code; 索引号 already issued keep the code they were issued with.
	 */
	public void redefine(String name, String orgCode) {
		checkName(name);
		checkCode(orgCode);
		this.name = name.trim();
		this.orgCode = orgCode;
	}

	private static void checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new UnitRefusedException("name", "coordination.unit.name.invalid");
		}
	}

	/** The first part of every 索引号: 6 to 30 digits or capital letters. */
	private static void checkCode(String orgCode) {
		if (orgCode == null || !orgCode.matches("[0-9A-Z]{6,30}")) {
			throw new UnitRefusedException("orgCode", "coordination.unit.orgCode.invalid");
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

	public String getOrgCode() {
		return this.orgCode;
	}

	public boolean isActive() {
		return this.active;
	}

	public int getVersion() {
		return this.version;
	}

}

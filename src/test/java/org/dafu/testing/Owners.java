package org.dafu.testing;

import org.dafu.congress.BodyType;
import org.dafu.congress.CongressLevel;
import org.dafu.congress.CongressService;
import org.dafu.unit.UnitService;

/**
 * In a {@link RepositoryTest}: new, uniquely named rows that a feature's tables point to
 * (sessions, deputies, units), made through their owners' services.
 */
public class Owners {

	private final CongressService congress;

	private final UnitService units;

	Owners(CongressService congress, UnitService units) {
		this.congress = congress;
		this.units = units;
	}

	public long session() {
		int n = TestData.unique();
		return this.congress
			.createSession(BodyType.NPC, CongressLevel.values()[n % 3], 10 + (n / 60) % 90, 1 + n % 20, 2022,
					"切片会议" + n)
			.id();
	}

	public long deputy() {
		return this.congress.createDeputy("切片代表" + TestData.unique(), "测试代表团").id();
	}

	public long unit() {
		int n = TestData.unique();
		return this.units.create("切片单位" + n, "R" + n).id();
	}

}

package org.dafu.evaluation;

/** 满意度: 满意, 基本满意, 不满意. The satisfaction rate counts the first two. */
public enum Rating {

	SATISFIED, BASICALLY_SATISFIED, UNSATISFIED;

	public boolean isUnsatisfied() {
		return this == UNSATISFIED;
	}

}

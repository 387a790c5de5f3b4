package org.dafu.reply;

/** A target to reach by a deadline, or an achievement measured over a period. */
public enum FigureKind {

	TARGET, ACHIEVEMENT

}

package org.dafu.reply;

/** A letter with this 索引号 is already in the portal. */
public class DuplicateIndexNumberException extends RuntimeException {

	private final String indexNumber;

	public DuplicateIndexNumberException(String indexNumber) {
		super("索引号 already recorded: " + indexNumber);
		this.indexNumber = indexNumber;
	}

	public String indexNumber() {
		return this.indexNumber;
	}

}

package org.dafu.importing;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of imported letters (table {@code letter_import}): which draft came from
 * which letter, with the 索引号 the letter carried. The database refuses a second import of
 * the same 索引号.
 */
@Repository
class LetterImports {

	private final JdbcClient jdbc;

	LetterImports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The reply imported with this 索引号. */
	Optional<Long> replyWithIndexNumber(String indexNumber) {
		return this.jdbc.sql("select reply_id from letter_import where index_number = :n")
			.param("n", indexNumber)
			.query(Long.class)
			.optional();
	}

	/**
	 * Records an import.
	 * @throws ImportRefusedException DUPLICATE_INDEX_NUMBER when the 索引号 was imported
	 * before
	 */
	void record(long replyId, String indexNumber, ImportSource source, String sourceName, String username) {
		try {
			this.jdbc
				.sql("insert into letter_import (reply_id, index_number, source_kind, source_name, imported_by)"
						+ " values (:reply, :index, :source, :name, :user)")
				.param("reply", replyId)
				.param("index", indexNumber)
				.param("source", source.name())
				.param("name", sourceName)
				.param("user", username)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ImportRefusedException(ImportRefusedException.DUPLICATE_INDEX_NUMBER);
		}
	}

}

package org.dafu.platform.web;

import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Whether a failure means the database cannot be reached (a 503, not a 500). */
final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	static boolean causedBy(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
				return true;
			}
		}
		return false;
	}

}

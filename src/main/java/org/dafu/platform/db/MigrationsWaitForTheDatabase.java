package org.dafu.platform.db;

import java.sql.SQLException;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.stereotype.Component;

/**
 * A migration may run for minutes on a large database (an update over every row, and the
 * change log's deferred triggers at its commit), longer than the pool's socket timeout
 * that makes requests fail fast when the database is gone (docs/operations.md). Each
 * migration's connection therefore waits without a socket timeout; the pool restores the
 * timeout when the connection is returned.
 */
@Component
class MigrationsWaitForTheDatabase implements Callback {

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_EACH_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		try {
			context.getConnection().setNetworkTimeout(Runnable::run, 0);
		}
		catch (SQLException ex) {
			throw new FlywayException("could not lift the socket timeout for a migration", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "migrations wait for the database";
	}

}

package org.dafu.stats;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread executes, whoever sends them (Hibernate,
 * JdbcTemplate, Spring Session), for the statistics and figures pages:
 * {@code @Import(StatisticsStatementCounter.class)} wraps the application's
 * {@link DataSource} so that every statement's {@code execute*} call is recorded while
 * {@link #record} runs on that thread.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatisticsStatementCounter {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	/** What the action executed: one entry (its SQL, when known) per statement. */
	static List<String> record(ThrowingRunnable action) throws Exception {
		List<String> statements = new ArrayList<>();
		RECORDING.set(statements);
		try {
			action.run();
		}
		finally {
			RECORDING.remove();
		}
		return statements;
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
					return proxy(DataSource.class, dataSource, null);
				}
				return bean;
			}
		};
	}

	private static Object proxy(Class<?> type, Object target, String sql) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result = invoke(method, target, args);
			String name = method.getName();
			if (name.startsWith("execute")) {
				List<String> statements = RECORDING.get();
				if (statements != null) {
					statements.add(
							(args != null && args.length > 0 && args[0] instanceof String s) ? s : String.valueOf(sql));
				}
			}
			if (result instanceof Connection connection && type != Connection.class) {
				return proxy(Connection.class, connection, null);
			}
			if (result instanceof Statement statement && type == Connection.class) {
				Class<?> statementType = (statement instanceof CallableStatement) ? CallableStatement.class
						: (statement instanceof PreparedStatement) ? PreparedStatement.class : Statement.class;
				String prepared = (args != null && args.length > 0 && args[0] instanceof String s) ? s : null;
				return proxy(statementType, statement, prepared);
			}
			return result;
		};
		return Proxy.newProxyInstance(StatisticsStatementCounter.class.getClassLoader(), new Class<?>[] { type },
				handler);
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** An action that may throw (a MockMvc request). */
	@FunctionalInterface
	interface ThrowingRunnable {

		void run() throws Exception;

	}

}

package org.dafu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DafuApplication {

	public static void main(String[] args) {
		SpringApplication.run(DafuApplication.class, args);
	}

}

package com.focusedroom;

import com.focusedroom.integrity.VerifyCommand;
import com.focusedroom.report.RescoreCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * FocusedRoom: the Big Five personality test, its reports, and the customer database
 * behind them. {@code java -jar focusedroom.jar} serves the web app; {@code java -jar
 * focusedroom.jar verify} checks the database and exits; {@code java -jar focusedroom.jar
 * rescore-translation ...} re-scores results answered on a faulty translation
 * ({@link RescoreCommand}).
 */
@SpringBootApplication
public class FocusedRoomApplication {

	public static void main(String[] args) {
		if (args.length > 0 && VerifyCommand.NAME.equals(args[0])) {
			System.exit(VerifyCommand.run(FocusedRoomApplication.class, args));
		}
		if (args.length > 0 && RescoreCommand.NAME.equals(args[0])) {
			System.exit(RescoreCommand.run(FocusedRoomApplication.class, args));
		}
		SpringApplication.run(FocusedRoomApplication.class, args);
	}

}

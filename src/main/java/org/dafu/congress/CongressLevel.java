package org.dafu.congress;

public enum CongressLevel {

	PROVINCE, CITY, COUNTY

}

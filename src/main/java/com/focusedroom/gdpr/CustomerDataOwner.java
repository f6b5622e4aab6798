package com.focusedroom.gdpr;

import java.util.Map;

/**
 * A module that keeps rows about customers in tables it owns. GDPR erasure (Art. 17)
 * calls every owner, in one transaction, to delete what it holds of the customer; no
 * module deletes another's rows. A module that adds a table referring to a customer
 * implements this: the foreign keys to customer data are checked at commit and do not
 * cascade (migration V6), so an owner that forgets its table makes the erasure fail
 * rather than keep data, and {@code GdprIntegrationTests} finds it first.
 */
public interface CustomerDataOwner {

	/**
	 * Deletes every row of the customer in the tables this module owns, inside the
	 * erasure's transaction, which holds the customer's row lock.
	 * @param customerId the customer being erased
	 * @return rows deleted per table name (a table with none deleted is listed with 0)
	 */
	Map<String, Integer> eraseCustomer(long customerId);

}

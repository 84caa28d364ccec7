package com.example.shop;

import java.math.BigDecimal;

/** An order: a total, a status, and the person who placed it. */
public class Order {
    private BigDecimal total = BigDecimal.ZERO;
    private String status = "";
    private Person customer;
    private double discount;

    public BigDecimal getTotal() {
        return total;
    }

    public void setTotal(BigDecimal total) {
        this.total = total;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Person getCustomer() {
        return customer;
    }

    public void setCustomer(Person customer) {
        this.customer = customer;
    }

    public double getDiscount() {
        return discount;
    }

    public void setDiscount(double discount) {
        this.discount = discount;
    }
}

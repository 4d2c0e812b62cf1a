/**
 * The desk page: editors' alerts in a browser. {@link io.wirestream.desk.AlertFeed} reads the alerts topic
 * (read_committed, its own consumer, never inside the topology) onto an {@link io.wirestream.desk.AlertBoard},
 * the latest alert of each cluster; {@link io.wirestream.desk.DeskServer} serves the page and pushes each change
 * to the open pages as Server-Sent Events. Started by {@code run} and {@code demo} with {@code --desk-port}.
 */
package io.wirestream.desk;
